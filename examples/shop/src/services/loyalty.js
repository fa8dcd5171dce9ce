const mongoose = require('mongoose');
const Customer = require('../models/customer');

// Already correct: every operation awaited, the session ended once in finally.
async function awardPoints(customerId, points) {
  const session = await mongoose.startSession();
  try {
    await session.withTransaction(async () => {
      await Customer.updateOne({ _id: customerId }, { $inc: { credit: points } }, { session });
    });
  } finally {
    await session.endSession();
  }
}

module.exports = { awardPoints };
