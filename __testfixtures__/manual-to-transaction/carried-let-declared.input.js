const mongoose = require('mongoose');
const Cart = require('../models/cart');
const Order = require('../models/order');

// On Mongoose 7 transaction() does not give its callback's value: `order`, declared without a
// value and assigned on either branch, is declared before the call and assigned inside.
exports.checkout = async (req, res) => {
  const session = await mongoose.startSession();
  session.startTransaction();
  try {
    let order;
    const cart = await Cart.findOneAndDelete({ user: req.user.id }, { session });
    if (cart) {
      [order] = await Order.create([{ user: req.user.id, items: cart.items }], { session });
    } else {
      order = await Order.findOne({ user: req.user.id, status: 'open' }).session(session);
    }
    await session.commitTransaction();
    res.status(201).json(order);
  } catch (err) {
    await session.abortTransaction();
    res.status(500).json({ message: err.message });
  } finally {
    session.endSession();
  }
};
