const mongoose = require('mongoose');

const Points = mongoose.model('Points', new mongoose.Schema({ userId: String, total: Number }));

// Called with the caller's session: its write must finish before the caller commits.
async function addPoints(userId, amount, session) {
  await Points.updateOne({ userId }, { $inc: { total: amount } }, { session, upsert: true }).exec();
}

// Never called from a transaction: left alone.
async function resetPoints(userId, session) {
  Points.updateOne({ userId }, { total: 0 }, { session }).exec();
}

module.exports = { addPoints, resetPoints };
