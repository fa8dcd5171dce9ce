const mongoose = require('mongoose');
const Order = require('../models/order');
const activity = require('../services/activity');

// Placing an order: the order is written with the session; the helpers of another module that
// write without it are reported, saying which of their writes are best-effort.
exports.place = async (req, res) => {
  const session = await mongoose.startSession();
  session.startTransaction();
  try {
    const [order] = await Order.create([{ user: req.user.id, total: req.body.total, status: 'placed' }], { session });
    await activity.record(req.user.id, 'order placed');
    await activity.notify(req.user.id, `order ${order.id} placed`);
    await activity.bumpOrders(req.user.id);
    await activity.touch(req.user.id);
    await activity.stamp(req.user.id).catch((err) => console.warn('not stamped', err));
    await session.commitTransaction();
    res.status(201).json(order);
  } catch (err) {
    await session.abortTransaction();
    res.status(500).json({ message: err.message });
  } finally {
    await session.endSession();
  }
};
