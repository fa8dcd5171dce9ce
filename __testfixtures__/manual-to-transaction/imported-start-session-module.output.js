import mongoose from 'mongoose';
import Account from '../models/account.js';

// An ES module that imports both the module and startSession: the connection is mongoose.connection,
// and startSession, used nowhere else, leaves the import.
export async function closeAccount(accountId) {
  await mongoose.connection.transaction(async (session) => {
    await Account.updateOne({ _id: accountId }, { $set: { closed: true } }, { session });
  });
  console.log(`account ${accountId} closed on ${mongoose.connection.name}`);
}
