import mongoose, { Schema, model } from 'mongoose';

const Coupon = model('Coupon', new Schema({ code: String, used: Boolean }));

// The .catch() turns any failure into a result: the try/catch keeps doing that.
export function redeem(code: string) {
  let session: any = null;
  return mongoose
    .startSession()
    .then((_session) => {
      session = _session;
      session.startTransaction();
      return Coupon.updateOne({ code, used: false }, { used: true }, { session });
    })
    .then(() => session.commitTransaction())
    .then(() => session.endSession())
    .then(() => ({ ok: true }))
    .catch((err) => {
      console.warn('redeem failed', err);
      return { ok: false };
    });
}
