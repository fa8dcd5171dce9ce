const mongoose = require('mongoose');
const Cart = require('../models/cart');
const Product = require('../models/product');
const Order = require('../models/order');

// Checkout: the cart's lines are matched to products with array methods (find, some, filter,
// reduce): predicates, not Node-style callbacks.
exports.checkout = async (req, res) => {
  const session = await mongoose.startSession();
  session.startTransaction();
  try {
    const cart = await Cart.findOne({ user: req.user.id }).session(session);
    const ids = cart.items.map((item) => item.product);
    const products = await Product.find({ _id: { $in: ids } }).session(session);
    if (cart.items.some((item) => !products.find((p) => p._id.equals(item.product)))) {
      throw new Error('A product in the cart no longer exists');
    }
    const lines = cart.items.filter((item) => item.quantity > 0);
    for (const line of lines) {
      const product = products.find((p) => p._id.equals(line.product));
      product.stock -= line.quantity;
      await product.save({ session });
    }
    const total = lines.reduce((sum, line) => sum + line.price * line.quantity, 0);
    const [order] = await Order.create([{ user: req.user.id, lines, total }], { session });
    await Cart.deleteOne({ _id: cart._id }, { session });
    await session.commitTransaction();
    res.status(201).json(order);
  } catch (err) {
    await session.abortTransaction();
    res.status(400).json({ message: err.message });
  } finally {
    session.endSession();
  }
};
