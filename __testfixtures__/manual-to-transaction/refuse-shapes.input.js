const mongoose = require('mongoose');
const Entry = require('../models/entry');

// The session is used after the commit (a read that relies on causal consistency).
async function addAndCount(data) {
  const session = await mongoose.startSession();
  session.startTransaction();
  try {
    await Entry.create([data], { session });
    await session.commitTransaction();
    return await Entry.countDocuments({}).session(session);
  } finally {
    session.endSession();
  }
}

// Started only when no transaction is running on the session yet.
async function addIfIdle(data) {
  const session = await mongoose.startSession();
  if (!session.inTransaction()) session.startTransaction();
  await Entry.create([data], { session });
  await session.commitTransaction();
  await session.endSession();
}

// Committed or aborted depending on a condition.
async function addOrDrop(data, keep) {
  const session = await mongoose.startSession();
  session.startTransaction();
  try {
    await Entry.create([data], { session });
    if (keep) await session.commitTransaction();
    else await session.abortTransaction();
  } finally {
    await session.endSession();
  }
}

// A return before the commit leaves the transaction to the end of the session (an abort);
// inside transaction() it would commit, and after the call it cannot read what the body counted.
async function addUnlessFull(data) {
  const session = await mongoose.startSession();
  session.startTransaction();
  try {
    const count = await Entry.countDocuments().session(session);
    if (count > 99) return count;
    await Entry.create([data], { session });
    await session.commitTransaction();
    return true;
  } finally {
    await session.endSession();
  }
}

// The session is kept on the module for later use.
const open = {};
async function addAndKeep(data) {
  const session = await mongoose.startSession();
  open.current = session;
  session.startTransaction();
  await Entry.create([data], { session });
  await session.commitTransaction();
  await session.endSession();
}

module.exports = { addAndCount, addIfIdle, addOrDrop, addUnlessEmpty, addAndKeep };
