import { Schema, model } from 'mongoose';

const Wallet = model('Wallet', new Schema({ owner: String, balance: Number }));

// Commit or abort is decided by a condition, and the chain resolves to a result object of the
// type the function declares, which the variable that carries it out of transaction() takes.
export function withdraw(owner: string, amount: number): Promise<{ ok: boolean }> {
  let session: any = null;
  return Wallet.startSession()
    .then((_session) => {
      session = _session;
      session.startTransaction();
      return Wallet.findOneAndUpdate({ owner }, { $inc: { balance: -amount } }, { session, new: true });
    })
    .then((wallet) => {
      if (!wallet || wallet.balance! < 0) {
        return session.abortTransaction().then(() => ({ ok: false }));
      }
      return session.commitTransaction().then(() => ({ ok: true }));
    })
    .then((result) => {
      session.endSession();
      return result;
    });
}
