import mongoose, { startSession } from 'mongoose';
import Account from '../models/account.js';

// An ES module that imports both the module and startSession: the connection is mongoose.connection,
// and startSession, used nowhere else, leaves the import.
export async function closeAccount(accountId) {
  const session = await startSession();
  session.startTransaction();
  try {
    await Account.updateOne({ _id: accountId }, { $set: { closed: true } }, { session });
    await session.commitTransaction();
  } catch (err) {
    await session.abortTransaction();
    throw err;
  } finally {
    session.endSession();
  }
  console.log(`account ${accountId} closed on ${mongoose.connection.name}`);
}
