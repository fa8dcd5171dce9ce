const mongoose = require('mongoose');
const Reading = require('../models/reading');

// Snapshot reads need the session options; transaction() starts a session without any.
async function recordReadings(sensor, values) {
  const session = await mongoose.startSession({ snapshot: false, defaultTransactionOptions: { readConcern: { level: 'majority' } } });
  session.startTransaction();
  try {
    await Reading.insertMany(values.map((value) => ({ sensor, value })), { session });
    await session.commitTransaction();
  } catch (err) {
    await session.abortTransaction();
    throw err;
  } finally {
    session.endSession();
  }
}

module.exports = { recordReadings };
