const mongoose = require('mongoose');
const Seat = require('../models/seat');
const HoldLog = require('../models/hold-log');

// Releases a held seat; a failed release is reported to the caller, not thrown.
async function releaseHold(seatId, holdId) {
  const session = await mongoose.startSession();
  session.startTransaction();
  try {
    const seat = await Seat.findOneAndUpdate({ _id: seatId, holdId }, { $unset: { holdId: 1 } }, { new: true, session });
    if (!seat) {
      await session.abortTransaction();
      return { released: false };
    }
    await HoldLog.create([{ seatId, holdId, action: 'released' }], { session });
    await session.commitTransaction();
    return { released: true };
  } catch (err) {
    if (session.inTransaction()) {
      await session.abortTransaction();
    }
    return { released: false, error: err.message };
  } finally {
    await session.endSession();
  }
}

module.exports = { releaseHold };
