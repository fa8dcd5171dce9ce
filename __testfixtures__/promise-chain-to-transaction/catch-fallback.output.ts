import mongoose, { Schema, model } from 'mongoose';

const Coupon = model('Coupon', new Schema({ code: String, used: Boolean }));

// The .catch() turns any failure into a result: the try/catch keeps doing that.
export async function redeem(code: string) {
  try {
    await mongoose.connection.transaction(async (session) => {
      await Coupon.updateOne({ code, used: false }, { used: true }, { session });
    });
    return { ok: true };
  } catch (err) {
    console.warn('redeem failed', err);
    return { ok: false };
  }
}
