const mongoose = require('mongoose');
const Cart = require('../models/cart');
const Product = require('../models/product');

// Checkout written as a chain: an out-of-stock item aborts and throws, and the route's error
// middleware answers with the message.
exports.checkout = (req, res, next) => {
  let session;
  return mongoose
    .startSession()
    .then((s) => {
      session = s;
      session.startTransaction();
      return Cart.findOne({ user: req.user.id }).session(session);
    })
    .then(async (cart) => {
      for (const item of cart.items) {
        const product = await Product.findOneAndUpdate(
          { _id: item.product, stock: { $gte: item.quantity } },
          { $inc: { stock: -item.quantity } },
          { session, new: true },
        );
        if (!product) {
          await session.abortTransaction();
          throw new Error(`Out of stock: ${item.product}`);
        }
      }
      cart.status = 'ordered';
      return cart.save({ session });
    })
    .then(() => session.commitTransaction())
    .then(() => {
      session.endSession();
      res.status(201).json({ message: 'Order placed' });
    })
    .catch((err) => {
      session.endSession();
      next(err);
    });
};
