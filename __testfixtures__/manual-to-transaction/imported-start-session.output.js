const { connection } = require('mongoose');
const Order = require('../models/order');
const Product = require('../models/product');

exports.createOrder = async (req, res) => {
  try {
    let aborted = false;
    const result = await connection.transaction(async (session) => {
      const product = await Product.findById(req.body.productId).session(session);
      if (!product || product.stock < req.body.quantity) {
        await session.abortTransaction();
        aborted = true;
        return;
      }
      product.stock -= req.body.quantity;
      await product.save({ session });
      const [order] = await Order.create([{ product: product._id, quantity: req.body.quantity }], { session });
      return order;
    });
    if (aborted) return res.status(400).json({ message: 'Out of stock' });
    const order = result;
    res.status(201).json(order);
  } catch (error) {
    res.status(500).json({ message: error.message });
  }
};
