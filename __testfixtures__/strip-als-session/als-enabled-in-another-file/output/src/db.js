const mongoose = require('mongoose');

async function connectDB(uri) {
  mongoose.set('transactionAsyncLocalStorage', true);
  await mongoose.connect(uri);
}

module.exports = { connectDB };
