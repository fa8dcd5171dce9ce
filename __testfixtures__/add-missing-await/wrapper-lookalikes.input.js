const mongoose = require('mongoose');
const { Pool } = require('pg');
const Audit = require('./models/audit');

const pool = new Pool();

// A session without a transaction: reads may run side by side.
async function withSession(fn) {
  const session = await mongoose.startSession();
  try {
    return await fn(session);
  } finally {
    await session.endSession();
  }
}

// node-postgres: its own transaction, its own client.
async function withTransaction(fn) {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const result = await fn(client);
    await client.query('COMMIT');
    return result;
  } catch (err) {
    await client.query('ROLLBACK');
    throw err;
  } finally {
    client.release();
  }
}

// Starts a transaction, but hands the callback nothing.
async function inTransaction(fn) {
  const session = await mongoose.startSession();
  session.startTransaction();
  try {
    await fn();
    await session.commitTransaction();
  } catch (err) {
    if (session.inTransaction()) await session.abortTransaction();
    throw err;
  } finally {
    await session.endSession();
  }
}

exports.report = () =>
  withSession(async (session) => {
    const [count, latest] = await Promise.all([Audit.countDocuments({}, { session }), Audit.findOne({}, null, { session }).sort({ at: -1 })]);
    return { count, latest };
  });

exports.copy = () =>
  withTransaction(async (client) => {
    await Promise.all([client.query('INSERT INTO a SELECT * FROM b'), client.query('DELETE FROM b')]);
  });

exports.touch = () =>
  inTransaction(async () => {
    await Promise.all([Audit.create({ at: new Date() }), Audit.deleteMany({ at: { $lt: new Date(0) } })]);
  });
