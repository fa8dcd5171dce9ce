import { ClientSession } from 'mongoose';
import { Transfer, Wallet } from '../models/wallet';

export interface TransferInput {
  from: string;
  to: string;
  amount: number;
}

export async function transfer(input: TransferInput, session: ClientSession): Promise<void> {
  await Wallet.updateOne({ _id: input.from }, { $inc: { balance: -input.amount } }, { session });
  await Wallet.updateOne({ _id: input.to }, { $inc: { balance: input.amount } }, { session });
  await Transfer.create([input], { session });
  await session.commitTransaction();
  await session.endSession();
}

export async function topUp(owners: string[], amount: number, session: ClientSession): Promise<number> {
  const results = [];
  for (const owner of owners) {
    results.push(await Wallet.updateOne({ owner }, { $inc: { balance: amount } }, { session }));
  }
  return results.reduce((sum, r) => sum + r.modifiedCount, 0);
}
