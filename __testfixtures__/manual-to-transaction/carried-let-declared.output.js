const mongoose = require('mongoose');
const Cart = require('../models/cart');
const Order = require('../models/order');

// On Mongoose 7 transaction() does not give its callback's value: `order`, declared without a
// value and assigned on either branch, is declared before the call and assigned inside.
exports.checkout = async (req, res) => {
  try {
    let order;
    await mongoose.connection.transaction(async (session) => {
      const cart = await Cart.findOneAndDelete({ user: req.user.id }, { session });
      if (cart) {
        [order] = await Order.create([{ user: req.user.id, items: cart.items }], { session });
      } else {
        order = await Order.findOne({ user: req.user.id, status: 'open' }).session(session);
      }
    });
    res.status(201).json(order);
  } catch (err) {
    res.status(500).json({ message: err.message });
  }
};
