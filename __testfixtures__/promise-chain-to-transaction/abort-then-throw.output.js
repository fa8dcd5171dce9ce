const mongoose = require('mongoose');
const Cart = require('../models/cart');
const Product = require('../models/product');

// Checkout written as a chain: an out-of-stock item aborts and throws, and the route's error
// middleware answers with the message.
exports.checkout = async (req, res, next) => {
  try {
    await mongoose.connection.transaction(async (session) => {
      const cart = await Cart.findOne({ user: req.user.id }).session(session);
      for (const item of cart.items) {
        const product = await Product.findOneAndUpdate(
          { _id: item.product, stock: { $gte: item.quantity } },
          { $inc: { stock: -item.quantity } },
          { session, new: true },
        );
        if (!product) {
          throw new Error(`Out of stock: ${item.product}`);
        }
      }
      cart.status = 'ordered';
      await cart.save({ session });
    });
    res.status(201).json({ message: 'Order placed' });
  } catch (err) {
    next(err);
  }
};
