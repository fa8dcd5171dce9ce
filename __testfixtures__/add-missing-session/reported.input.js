const mongoose = require('mongoose');
const Order = require('../models/order');
const Payment = require('../models/payment');
const AuditLog = require('../models/audit-log');
const Notification = require('../models/notification');

// Writes a reviewer must decide about: each keeps its code and gets a finding.
exports.pay = async (req, res, options) => {
  const session = await mongoose.startSession();
  session.startTransaction();
  try {
    // create() with one document cannot take options without changing what it returns.
    const payment = await Payment.create({ order: req.params.id, amount: req.body.amount });
    // Sent outside the transaction on purpose.
    await Order.updateOne({ _id: req.params.id }, { $set: { lastAttempt: new Date() } }, { session: null });
    await AuditLog.create([{ action: 'pay', order: req.params.id }]);
    // Kept outside the transaction so it survives an abort.
    await Notification.create([{ user: req.user.id, text: 'Payment received' }]);
    await Order.updateOne({ _id: req.params.id }, { $set: { payment: payment._id } }, options);
    await Order.findOneAndUpdate({ _id: req.params.id }, { $set: { status: 'paid' } }, { ...options, new: true });
    await session.commitTransaction();
    res.json(payment);
  } catch (err) {
    await session.abortTransaction();
    res.status(500).json({ message: err.message });
  } finally {
    session.endSession();
  }
};
