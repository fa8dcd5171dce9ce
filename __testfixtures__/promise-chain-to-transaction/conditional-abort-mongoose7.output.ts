import { Schema, model } from 'mongoose';

const Wallet = model('Wallet', new Schema({ owner: String, balance: Number }));

// Commit or abort is decided by a condition, and the chain resolves to a result object.
export async function withdraw(owner: string, amount: number) {
  let result;
  await Wallet.db.transaction(async (session) => {
    const wallet = await Wallet.findOneAndUpdate({ owner }, { $inc: { balance: -amount } }, { session, new: true });
    if (!wallet || wallet.balance! < 0) {
      await session.abortTransaction();
      result = { ok: false };
      return;
    }
    result = { ok: true };
    return;
  });
  return result;
}
