const mongoose = require('mongoose');
const Order = mongoose.model('Order');
const Audit = mongoose.model('Audit');

// The chain becomes transaction(); the audit write nobody waited for is then awaited inside it.
function cancel(orderId) {
  let session = null;
  return Order.startSession()
    .then((_session) => {
      session = _session;
      session.startTransaction();
      Audit.create([{ orderId, action: 'cancel' }], { session });
      return Order.updateOne({ _id: orderId }, { status: 'cancelled' }, { session });
    })
    .then(() => session.commitTransaction())
    .then(() => session.endSession())
    .catch((err) => {
      session.abortTransaction();
      session.endSession();
      throw err;
    });
}

module.exports = { cancel };
