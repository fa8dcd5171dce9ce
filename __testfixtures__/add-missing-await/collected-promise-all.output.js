const mongoose = require('mongoose');
const Stock = require('../models/stock');
const Order = require('../models/order');

// Checkout: the stock updates are collected in an array and run together, which runs them in
// parallel on one session (undefined behaviour in a transaction).
exports.checkout = async (req, res) => {
  await mongoose.connection.transaction(async (session) => {
    for (const line of req.body.lines) {
      await Stock.updateOne({ sku: line.sku }, { $inc: { qty: -line.qty } }, { session });
    }
    await Order.create([{ user: req.user.id, lines: req.body.lines }], { session });
  });
  res.status(201).end();
};
