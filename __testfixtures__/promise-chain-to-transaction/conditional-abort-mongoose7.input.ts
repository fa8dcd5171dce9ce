import { Schema, model } from 'mongoose';

const Wallet = model('Wallet', new Schema({ owner: String, balance: Number }));

// Commit or abort is decided by a condition, and the chain resolves to a result object.
export function withdraw(owner: string, amount: number) {
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
