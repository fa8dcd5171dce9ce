import { Schema, model } from 'mongoose';

const Wallet = model('Wallet', new Schema({ owner: String, balance: Number }));

// The chain resolves to a result object whose type the code never states: on Mongoose 7
// transaction() does not resolve to its callback's value, and an untyped variable carrying it
// out would be `undefined` to the type checker after the call, so callers reading `.ok` would
// no longer compile.
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
