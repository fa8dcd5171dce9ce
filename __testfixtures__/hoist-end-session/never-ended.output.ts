import mongoose, { Schema, model } from 'mongoose';

const Account = model('Account', new Schema({ owner: String, balance: Number }));

// The session is never ended: every call leaks one server session.
export async function transfer(from: string, to: string, amount: number) {
  const session = await mongoose.startSession();
  try {
    await session.withTransaction(async () => {
      await Account.updateOne({ owner: from }, { $inc: { balance: -amount } }, { session });
      await Account.updateOne({ owner: to }, { $inc: { balance: amount } }, { session });
    });
    const report = `moved ${amount}
from ${from} to ${to}`;
    return report;
  } finally {
    await session.endSession();
  }
}
