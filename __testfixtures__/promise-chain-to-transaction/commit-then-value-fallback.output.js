const mongoose = require('mongoose');
const Order = require('../models/order');

// The chain commits and then resolves to the new order; on any error it logs and resolves to
// null, which the caller checks.
async function placeOrder(data) {
  try {
    return await mongoose.connection.transaction(async (session) => {
      const [order] = await Order.create([data], { session });
      return order;
    });
  } catch (err) {
    console.error('order failed', err);
    return null;
  }
}

module.exports = { placeOrder };
