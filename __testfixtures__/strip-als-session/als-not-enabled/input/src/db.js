const mongoose = require('mongoose');

async function connectDB(uri) {
  // Switched off again after an experiment: sessions must stay explicit.
  mongoose.set('transactionAsyncLocalStorage', false);
  await mongoose.connect(uri);
}

module.exports = { connectDB };
