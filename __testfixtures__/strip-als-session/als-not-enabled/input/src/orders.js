const mongoose = require('mongoose');
const Order = mongoose.model('Order');

async function pay(orderId) {
  await mongoose.connection.transaction(async (session) => {
    await Order.updateOne({ _id: orderId }, { status: 'paid' }, { session });
  });
}

module.exports = { pay };
