const mongoose = require('mongoose');
const { drizzle } = require('drizzle-orm/better-sqlite3');

// A service that keeps its documents in MongoDB and a local cache in SQLite: the drizzle
// transactions are synchronous, and neither `db` is a Mongoose connection.
const db = drizzle('cache.db');

async function resetCache() {
  db.transaction((tx) => {
    tx.run('DELETE FROM entries');
  });
  await mongoose.connection.collection('entries').updateMany({}, { $set: { cached: false } });
}

async function migrate(db) {
  db.transaction((tx) => {
    tx.run('CREATE TABLE IF NOT EXISTS entries (id TEXT PRIMARY KEY)');
  });
}

module.exports = { resetCache, migrate };
