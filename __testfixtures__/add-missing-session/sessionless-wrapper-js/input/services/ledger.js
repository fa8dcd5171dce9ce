const Transfer = require('../models/transfer');

exports.recordEntry = async (from, to, amount) => {
  await Transfer.create([{ from, to, amount }]);
};

exports.lastEntry = (owner) => Transfer.findOne({ from: owner }).sort({ _id: -1 });
