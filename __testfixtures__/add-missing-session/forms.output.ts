import mongoose, { type ClientSession } from 'mongoose';
import { Account } from '../models/account';
import { LedgerEntry } from '../models/ledger-entry';
import { Transfer } from '../models/transfer';

// A payments module (ESM, TypeScript) using session.withTransaction(): the ledger entries get the
// session, the balance changes and the transfer record were sent without it.
export async function transfer(fromId: string, toId: string, amount: number): Promise<void> {
  const session: ClientSession = await mongoose.startSession();
  try {
    await session.withTransaction(async () => {
      const from = await Account.findById(fromId).session(session);
      if (!from || from.balance < amount) throw new Error('insufficient funds');
      await Account.updateOne({ _id: fromId }, { $inc: { balance: -amount } }, { session });
      await Account.findByIdAndUpdate(toId, { $inc: { balance: amount } }, { new: true, runValidators: true, session });
      await LedgerEntry.create(
        [
          { account: fromId, amount: -amount },
          { account: toId, amount },
        ],
        { session, ordered: true },
      );
      const record = new Transfer({ from: fromId, to: toId, amount });
      await record.save({ validateBeforeSave: true, session });
      await Transfer.deleteOne({ from: fromId, to: toId, status: 'draft' }, { session });
    });
  } finally {
    await session.endSession();
  }
}

// The callback's own parameter is the name to use where it has one.
export async function close(accountId: string): Promise<void> {
  const session = await mongoose.startSession();
  try {
    await session.withTransaction(async (txn) => {
      await Account.updateOne({ _id: accountId }, { $set: { closed: true } }, { session: txn });
      await LedgerEntry.deleteMany({ account: accountId, pending: true }, { session: txn });
    });
  } finally {
    await session.endSession();
  }
}
