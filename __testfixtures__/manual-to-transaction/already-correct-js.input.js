const mongoose = require('mongoose');
const Order = require('../models/order');
const Stock = require('../models/stock');

// Already on transaction(), with the session passed to every operation.
async function place(user, sku, total) {
  await mongoose.connection.transaction(async (session) => {
    await Stock.updateOne({ sku }, { $inc: { count: -1 } }, { session });
    await Order.create([{ user, total }], { session });
  });
}

module.exports = { place };
