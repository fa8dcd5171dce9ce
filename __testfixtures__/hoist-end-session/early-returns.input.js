const mongoose = require('mongoose');
const Product = require('../models/product');
const Order = require('../models/order');

// An Express controller that aborts and ends the session before every early return.
exports.checkout = async (req, res) => {
  const session = await mongoose.startSession();
  session.startTransaction();
  try {
    const product = await Product.findById(req.body.productId).session(session);
    if (!product) {
      session.abortTransaction();
      session.endSession();
      return res.status(404).json({ error: 'product not found' });
    }
    if (product.stock < req.body.quantity) {
      await session.abortTransaction();
      await session.endSession();
      return res.status(409).json({ error: 'out of stock' });
    }
    product.stock -= req.body.quantity;
    await product.save({ session });
    const [order] = await Order.create([{ product: product._id, quantity: req.body.quantity }], { session });
    await session.commitTransaction();
    session.endSession();
    return res.status(201).json(order);
  } catch (err) {
    await session.abortTransaction();
    session.endSession();
    return res.status(500).json({ error: err.message });
  }
};
