const mongoose = require('./db');
const { book } = require('./ledger');

async function transfer(from, to, amount) {
  await mongoose.connection.transaction(async (session) => {
    await book(from, -amount, session);
    await book(to, amount, session);
  });
}

module.exports = { transfer };
