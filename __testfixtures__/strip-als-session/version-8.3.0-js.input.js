const mongoose = require('mongoose');
const Reading = mongoose.model('Reading');

// Mongoose 8.3 has no transactionAsyncLocalStorage: every session stays.
async function store(sensor, value) {
  await mongoose.connection.transaction(async (session) => {
    await Reading.create([{ sensor, value }], { session });
  });
}

module.exports = { store };
