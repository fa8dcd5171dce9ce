const mongoose = require('mongoose');
const Order = require('../models/order');
const Stock = require('../models/stock');

// Two spellings of "abort, then rethrow" in the .catch(): an arrow that returns the abort's
// chain, and one that also ends the session and rejects with the error.
async function reserve(order) {
  await mongoose.connection.transaction(async (session) => {
    await Order.create([order], { session });
    await Stock.updateOne({ sku: order.sku }, { $inc: { qty: -order.qty } }, { session });
  });
}

async function release(order) {
  await mongoose.connection.transaction(async (session) => {
    await Stock.updateOne({ sku: order.sku }, { $inc: { qty: order.qty } }, { session });
  });
}

module.exports = { reserve, release };
