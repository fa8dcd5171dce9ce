const mongoose = require('mongoose');
const Order = mongoose.model('Order');
const Audit = mongoose.model('Audit');

// The chain becomes transaction(); the audit write nobody waited for is then awaited inside it.
async function cancel(orderId) {
  await Order.db.transaction(async (session) => {
    await Audit.create([{ orderId, action: 'cancel' }], { session });
    await Order.updateOne({ _id: orderId }, { status: 'cancelled' }, { session });
  });
}

module.exports = { cancel };
