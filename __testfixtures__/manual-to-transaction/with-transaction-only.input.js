const mongoose = require('mongoose');
const Customer = mongoose.model('Customer', new mongoose.Schema({ name: String }));

// An owned session that only runs withTransaction() and is then ended: the session leaked when
// the transaction failed, since endSession() was not in a finally.
async function addCustomer(name) {
  const session = await mongoose.startSession();
  await session.withTransaction(async () => {
    await Customer.create([{ name }], { session });
  });
  session.endSession();
  return Customer.countDocuments();
}

// The function form and transaction options are kept.
async function renameCustomer(from, to) {
  const session = await Customer.startSession();
  try {
    await session.withTransaction(async function () {
      await Customer.updateOne({ name: from }, { name: to }, { session });
    }, { writeConcern: { w: 'majority' } });
  } finally {
    await session.endSession();
  }
}

module.exports = { addCustomer, renameCustomer };
