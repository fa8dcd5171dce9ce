const { startSession } = require('mongoose');
const Order = require('../models/order');
const Product = require('../models/product');

exports.createOrder = async (req, res) => {
  const session = await startSession();
  session.startTransaction();
  try {
    const product = await Product.findById(req.body.productId).session(session);
    if (!product || product.stock < req.body.quantity) {
      await session.abortTransaction();
      return res.status(400).json({ message: 'Out of stock' });
    }
    product.stock -= req.body.quantity;
    await product.save({ session });
    const [order] = await Order.create([{ product: product._id, quantity: req.body.quantity }], { session });
    await session.commitTransaction();
    res.status(201).json(order);
  } catch (error) {
    await session.abortTransaction();
    res.status(500).json({ message: error.message });
  } finally {
    session.endSession();
  }
};
