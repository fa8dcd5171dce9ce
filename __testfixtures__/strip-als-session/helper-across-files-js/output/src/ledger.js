const mongoose = require('./db');

const Entry = mongoose.model('Entry', new mongoose.Schema({ account: String, amount: Number }));

// Only ever called with the transaction() callback's own session (see transfers.js).
async function book(account, amount, session) {
  await Entry.create([{ account, amount }]);
  return Entry.countDocuments({ account });
}

module.exports = { book };
