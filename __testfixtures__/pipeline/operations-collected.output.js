const mongoose = require('mongoose');
const Order = require('../models/order');

// Bulk status update: the operations are collected in an array and run with Promise.all. The
// array holds operations, not the session, so the transaction converts in the same run that makes
// the operations sequential (a second run must have nothing left to do).
exports.updateStatuses = async (req, res) => {
  const session = await mongoose.startSession();
  session.startTransaction();
  try {
    for (const item of req.body.items) {
      await Order.updateOne({ _id: item.id }, { $set: { status: item.status } }, { session });
    }
    await session.commitTransaction();
    res.json({ updated: req.body.items.length });
  } catch (error) {
    if (session.inTransaction()) await session.abortTransaction();
    res.status(500).json({ message: error.message });
  } finally {
    await session.endSession();
  }
};
