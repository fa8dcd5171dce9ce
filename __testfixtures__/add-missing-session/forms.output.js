const mongoose = require('mongoose');
const Order = require('../models/order');
const Product = require('../models/product');
const Invoice = require('../models/invoice');
const Cart = require('../models/cart');

// Every form a write takes its session in, each sent here without it.
exports.checkout = async (req, res) => {
  const sess = await mongoose.startSession();
  sess.startTransaction();
  try {
    const cart = await Cart.findOne({ user: req.user.id }).session(sess);
    const order = new Order({ user: req.user.id, items: cart.items, total: cart.total });
    await order.save({ session: sess });
    await Product.bulkWrite(
      cart.items.map((item) => ({
        updateOne: { filter: { _id: item.product }, update: { $inc: { stock: -item.quantity } } },
      })),
      { session: sess },
    );
    const updated = await Cart.findOneAndUpdate({ _id: cart._id }, { $set: { items: [] } }, { new: true, session: sess });
    await Cart.updateOne(
      { _id: cart._id },
      {
        $set: { checkedOutAt: new Date() },
      },
      {
        runValidators: true,
        session: sess,
      },
    );
    await Invoice.create([{ order: order._id, total: order.total }], { session: sess });
    await Invoice.create([
      { order: order._id, kind: 'customer' },
      { order: order._id, kind: 'accounting' },
    ], { session: sess, ordered: true });
    await Order.insertMany(req.body.giftOrders, { session: sess });
    await Cart.deleteMany().session(sess).where({ user: req.user.id, abandoned: true });
    await sess.commitTransaction();
    res.json({ order, cart: updated });
  } catch (err) {
    if (sess.inTransaction()) await sess.abortTransaction();
    res.status(500).json({ message: err.message });
  } finally {
    sess.endSession();
  }
};

// An options object kept in a constant: a query gets .session(), other writes a copy with the session.
exports.restock = async (req, res) => {
  const session = await mongoose.startSession();
  session.startTransaction();
  try {
    const upsert = { upsert: true };
    const ordered = { ordered: false };
    await Product.updateOne({ sku: req.body.sku }, { $inc: { stock: req.body.quantity } }, upsert).session(session);
    await Product.insertMany(req.body.newProducts, { ...ordered, session });
    await session.commitTransaction();
    res.sendStatus(204);
  } catch (err) {
    await session.abortTransaction();
    throw err;
  } finally {
    await session.endSession();
  }
};
