const mongoose = require('mongoose');
const Customer = require('../models/customer');

// Already correct: transaction() ends its session, and AsyncLocalStorage (db.ts) gives the update the session.
async function awardPoints(customerId, points) {
  await mongoose.connection.transaction(async () => {
    await Customer.updateOne({ _id: customerId }, { $inc: { credit: points } });
  });
}

module.exports = { awardPoints };
