const mongoose = require('mongoose');
const Order = require('../models/order');
const Product = require('../models/product');

// The service reads the session from the request it is handed.
async function placeOrder(req) {
  const { sku, qty } = req.body;
  await Product.updateOne({ sku }, { $inc: { stock: -qty } }, { session: req.dbSession });
  const [order] = await Order.create([{ sku, qty }], { session: req.dbSession });
  return order;
}

// The session rides on the request only while this handler awaits placeOrder(): nothing runs
// after the handler with this request, so the session does not outlive it and the transaction converts.
exports.createOrder = async (req, res) => {
  let order;
  await mongoose.connection.transaction(async (session) => {
    req.dbSession = session;
    order = await placeOrder(req);
  });
  res.status(201).json(order);
};
