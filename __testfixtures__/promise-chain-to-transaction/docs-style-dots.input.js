const mongoose = require('mongoose');
const Customer = mongoose.model('Customer', new mongoose.Schema({ name: String }));

// The Mongoose documentation puts the dot at the end of the line: `X().` then `then(...)`.
function createCustomer(name) {
  let session = null;
  return Customer.createCollection().
    then(() => Customer.db.startSession()).
    then(_session => {
      session = _session;
      session.startTransaction();
      return Customer.create([{ name }], { session: session });
    }).
    then(() => session.commitTransaction()).
    then(() => session.endSession());
}

module.exports = { createCustomer };
