const mongoose = require('mongoose');
const Slot = mongoose.model('Slot');

// Only the transaction() callback's own parameter is the session ALS supplies.
class Scheduler {
  constructor(context) {
    this.context = context;
  }

  async reserve(start) {
    await mongoose.connection.transaction(async (session) => {
      await Slot.updateOne({ start }, { taken: true }, { session: this.context.session });
      await mongoose.connection.transaction(async () => {
        await Slot.updateOne({ start: start + 1 }, { taken: true }, { session });
      });
    });
  }

  async manual(start) {
    const session = await mongoose.startSession();
    session.startTransaction();
    try {
      await Slot.updateOne({ start }, { taken: false }, { session });
      await session.commitTransaction();
    } finally {
      await session.endSession();
    }
  }
}

module.exports = { Scheduler };
