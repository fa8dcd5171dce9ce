const mongoose = require('mongoose');
const { AsyncLocalStorage } = require('node:async_hooks');
const Wallet = require('./models/wallet');

// Calls its parameter with no transaction around it.
async function timed(work) {
  const started = Date.now();
  await work();
  console.log(`took ${Date.now() - started} ms`);
}

// Keeps the session where the work finds it: its writes read it from the store.
const sessions = new AsyncLocalStorage();
async function withStoredSession(work) {
  const session = await mongoose.startSession();
  session.startTransaction();
  try {
    await sessions.run(session, () => work());
    await session.commitTransaction();
  } catch (err) {
    if (session.inTransaction()) await session.abortTransaction();
    throw err;
  } finally {
    await session.endSession();
  }
}

// Hands the session over; its callback uses it.
async function withSession(work) {
  const session = await mongoose.startSession();
  session.startTransaction();
  try {
    await work(session);
    await session.commitTransaction();
  } catch (err) {
    if (session.inTransaction()) await session.abortTransaction();
    throw err;
  } finally {
    await session.endSession();
  }
}

// A completion callback, told the outcome: not the work of the transaction.
async function closeAccount(owner, done) {
  const session = await mongoose.startSession();
  session.startTransaction();
  try {
    await Wallet.deleteOne({ owner }, { session });
    done(null, owner);
    await session.commitTransaction();
  } catch (err) {
    if (session.inTransaction()) await session.abortTransaction();
    done(err);
  } finally {
    await session.endSession();
  }
}

async function credit(owner, amount) {
  await timed(async () => {
    await Wallet.updateOne({ owner }, { $inc: { balance: amount } });
  });
  await withStoredSession(async () => {
    await Wallet.updateOne({ owner }, { $inc: { balance: amount } }, { session: sessions.getStore() });
  });
  await withSession(async (session) => {
    await Wallet.updateOne({ owner }, { $inc: { balance: amount } }, { session });
  });
  await closeAccount(owner, async (err) => {
    if (!err) await Wallet.create([{ owner: `${owner}-archive`, balance: 0 }]);
  });
}

module.exports = { credit };
