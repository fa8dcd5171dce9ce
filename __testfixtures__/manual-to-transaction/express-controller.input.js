const mongoose = require('mongoose');
const Order = require('../models/order');
const Product = require('../models/product');

// Checkout controller: the response goes out after the commit, a failure answers 500.
exports.createOrder = async (req, res) => {
  const session = await mongoose.startSession();
  session.startTransaction();
  try {
    const product = await Product.findById(req.body.productId).session(session);
    if (product.stock < req.body.quantity) throw new Error('Out of stock');
    product.stock -= req.body.quantity;
    await product.save({ session });
    const [order] = await Order.create([{ product: product._id, quantity: req.body.quantity }], { session });
    await session.commitTransaction();
    res.status(201).json(order);
  } catch (err) {
    await session.abortTransaction();
    res.status(500).json({ message: err.message });
  } finally {
    session.endSession();
  }
};
