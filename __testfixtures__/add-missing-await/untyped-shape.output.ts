import mongoose, { Schema, model } from 'mongoose';

const Coupon = model('Coupon', new Schema({ code: String, used: Boolean }));
const Redemption = model('Redemption', new Schema({ code: String, user: String }));

// The session is typed `any`: only the shape of each call says it carries the session.
export async function redeem(code: string, user: string) {
  let session: any = null;
  session = await mongoose.startSession();
  session.startTransaction();
  try {
    await Coupon.updateOne({ code }, { used: true }, { session }).exec();
    await Redemption.insertMany([{ code, user }], { session });
    await session.commitTransaction();
  } catch (error) {
    await session.abortTransaction();
    throw error;
  } finally {
    await session.endSession();
  }
}
