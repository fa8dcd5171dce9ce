const mongoose = require('mongoose');
const Customer = mongoose.model('Customer', new mongoose.Schema({ name: String }));

// An owned session that only runs withTransaction() and is then ended: the session leaked when
// the transaction failed, since endSession() was not in a finally.
async function addCustomer(name) {
  await mongoose.connection.transaction(async (session) => {
    await Customer.create([{ name }], { session });
  });
  return Customer.countDocuments();
}

// The function form and transaction options are kept.
async function renameCustomer(from, to) {
  await Customer.db.transaction(async function (session) {
    await Customer.updateOne({ name: from }, { name: to }, { session });
  }, { writeConcern: { w: 'majority' } });
}

module.exports = { addCustomer, renameCustomer };
