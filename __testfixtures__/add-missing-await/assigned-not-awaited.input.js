const mongoose = require('mongoose');
const Product = require('../models/product');
const Order = require('../models/order');

// Order controller: two writes were assigned instead of awaited, and their variables were then
// read as if they held the results. A query kept in a variable and awaited later is a builder.
exports.placeOrder = async (req, res) => {
  const session = await mongoose.startSession();
  session.startTransaction();
  try {
    const product = await Product.findById(req.body.product).session(session);
    product.stock -= req.body.qty;
    let check = null;
    check = product.save({ session });
    if (!check) throw new Error('stock was not saved');
    const created = Order.create([{ product: product._id, qty: req.body.qty }], { session });
    const recent = Order.find({ product: product._id }).session(session);
    const last = await recent.sort({ createdAt: -1 }).limit(5);
    await session.commitTransaction();
    res.status(201).json({ order: created[0], recent: last });
  } catch (err) {
    if (session.inTransaction()) await session.abortTransaction();
    res.status(500).json({ message: err.message });
  } finally {
    await session.endSession();
  }
};
