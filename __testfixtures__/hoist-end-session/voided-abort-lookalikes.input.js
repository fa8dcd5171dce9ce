const mongoose = require('mongoose');
const Row = require('../models/row');
const Batch = require('../models/batch');
const metrics = require('../lib/metrics');

// Already guarded: the abort, left running on purpose, only runs while the transaction is open.
exports.importBatch = async (batchId, rows) => {
  const session = await mongoose.startSession();
  session.startTransaction();
  try {
    await Row.insertMany(rows, { session });
    await Batch.updateOne({ _id: batchId }, { $set: { imported: true } }, { session });
    await session.commitTransaction();
  } catch (err) {
    if (session.inTransaction()) void session.abortTransaction();
    void metrics.increment('import.failed');
    throw err;
  } finally {
    await session.endSession();
  }
};

// The inner try holds no commit: when its catch runs, the transaction is still open.
exports.appendRows = async (batchId, rows) => {
  const session = await mongoose.startSession();
  session.startTransaction();
  try {
    try {
      await Row.insertMany(rows, { session });
    } catch (err) {
      void session.abortTransaction();
      throw err;
    }
    await Batch.updateOne({ _id: batchId }, { $inc: { size: rows.length } }, { session });
    await session.commitTransaction();
  } finally {
    await session.endSession();
  }
};
