const mongoose = require('mongoose');

// The model declared before the transaction is used again after the session was ended, so the
// try cannot close there: it keeps everything that follows, as before.
async function rebuildStats(day) {
  const session = await mongoose.startSession();
  try {
    const Stat = mongoose.model('Stat');
    await session.withTransaction(async () => {
      await Stat.deleteMany({ day }, { session });
      await Stat.create([{ day, count: 0 }], { session });
    });
    return Stat.countDocuments({ day });
  } finally {
    await session.endSession();
  }
}

module.exports = { rebuildStats };
