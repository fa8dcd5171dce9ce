const mongoose = require('mongoose');
const Order = require('../models/order');
const Product = require('../models/product');

// One error handler for every controller: it aborts and ends the session it is given; the
// session parameter defaults to null for controllers without a transaction.
async function handleError(res, err, session = null) {
  if (session) {
    if (session.inTransaction()) await session.abortTransaction();
  }
  console.error(err);
  return res.status(500).json({ message: err.message });
}

exports.createOrder = async (req, res) => {
  const session = await mongoose.startSession();
  session.startTransaction();
  try {
    const product = await Product.findById(req.body.product).session(session);
    product.stock -= req.body.qty;
    await product.save({ session });
    const [order] = await Order.create([{ product: product._id, qty: req.body.qty }], { session });
    await session.commitTransaction();
    return res.status(201).json(order);
  } catch (err) {
    await handleError(res, err, session);
  } finally {
    await session.endSession();
  }
};

exports.cancelOrder = async (req, res) => {
  const session = await mongoose.startSession();
  session.startTransaction();
  try {
    await Order.updateOne({ _id: req.params.id }, { status: 'cancelled' }, { session });
    await session.commitTransaction();
    return res.json({ ok: true });
  } catch (err) {
    await handleError(res, err, session);
  } finally {
    await session.endSession();
  }
};

exports.listOrders = async (req, res) => {
  try {
    res.json(await Order.find({ user: req.user.id }));
  } catch (err) {
    await handleError(res, err);
  }
};
