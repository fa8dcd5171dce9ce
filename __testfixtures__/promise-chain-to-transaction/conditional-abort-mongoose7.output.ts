import { Schema, model } from 'mongoose';

const Wallet = model('Wallet', new Schema({ owner: String, balance: Number }));

// Commit or abort is decided by a condition, and the chain resolves to a result object of the
// type the function declares, which the variable that carries it out of transaction() takes.
export async function withdraw(owner: string, amount: number): Promise<{ ok: boolean }> {
  let result!: { ok: boolean };
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
