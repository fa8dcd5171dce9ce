const mongoose = require('mongoose');

// One connection per process, kept between calls.
const state = { conn: null, pending: null };

async function connectDB() {
  if (state.conn && mongoose.connection.readyState === 1) return state.conn;
  if (!state.pending) {
    state.pending = mongoose.connect(process.env.MONGO_URL, { maxPoolSize: 10 });
  }
  try {
    state.conn = await state.pending;
  } catch (err) {
    state.pending = null;
    throw err;
  }
  return state.conn;
}

module.exports = { connectDB };
