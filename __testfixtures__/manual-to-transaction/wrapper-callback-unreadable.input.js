const mongoose = require('mongoose');

const Invoice = mongoose.model('Invoice', new mongoose.Schema({ customer: String, total: Number, voided: Boolean }));

async function withTransaction(work) {
  const session = await mongoose.startSession();
  session.startTransaction();
  try {
    const result = await work(session);
    await session.commitTransaction();
    return result;
  } catch (err) {
    await session.abortTransaction();
    throw err;
  } finally {
    session.endSession();
  }
}

const handlers = {
  void: (session, id) => Invoice.updateOne({ _id: id }, { voided: true }, { session }),
  remove: (session, id) => Invoice.deleteOne({ _id: id }, { session }),
};

async function applyAll(action, invoiceId) {
  return withTransaction(handlers[action].bind(null, invoiceId));
}

async function apply(action, invoiceId) {
  const handler = handlers[action];
  return withTransaction((session) => handler(session, invoiceId));
}

module.exports = { apply, applyAll };
