import mongoose, { Schema, model } from 'mongoose';

const Account = model('Account', new Schema({ owner: String, balance: Number }));
const Transfer = model('Transfer', new Schema({ from: String, to: String, amount: Number }));

export async function transfer(from: string, to: string, amount: number) {
  const session = await mongoose.startSession();
  session.startTransaction();
  try {
    await Account.updateOne({ owner: from }, { $inc: { balance: -amount } }, { session });
    Account.updateOne({ owner: to }, { $inc: { balance: amount } }, { session }).exec();
    Transfer.create([{ from, to, amount }], { session });
    await session.commitTransaction();
  } catch (error) {
    await session.abortTransaction();
    throw error;
  } finally {
    await session.endSession();
  }
  Transfer.create([{ from, to, amount: 0 }]);
}

// Not async: awaiting here would change what the function returns, so it is reported.
export function legacyTransfer(session: mongoose.ClientSession, from: string, amount: number) {
  session.startTransaction();
  Account.create([{ owner: from, balance: amount }], { session });
  return session.commitTransaction();
}
