const mongoose = require('mongoose');
const Order = require('../models/order');
const mailer = require('../lib/mailer');

// The confirmation email before the commit keeps this transaction hand-managed (a retry would
// send it twice); the other transforms still fix what they can: the floating write, the abort
// that hides a failed commit, and the session ended only on success.
exports.confirm = async (req, res) => {
  const session = await mongoose.startSession();
  session.startTransaction();
  try {
    const order = await Order.findById(req.params.id).session(session);
    order.status = 'confirmed';
    await order.save({ session });
    await mailer.send(order.email, 'Your order is confirmed');
    await session.commitTransaction();
    res.json(order);
  } catch (err) {
    if (session.inTransaction()) await session.abortTransaction();
    res.status(500).json({ message: err.message });
  } finally {
    await session.endSession();
  }
};
