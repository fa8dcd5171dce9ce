import mongoose, { Schema, model } from 'mongoose';
import { abortAndEnd, commitAndEnd } from './transactions';

const Order = model('Order', new Schema({ item: String }));

export async function placeOrder(item: string) {
  const session = await mongoose.startSession();
  session.startTransaction();
  try {
    await Order.create([{ item }], { session });
    await commitAndEnd(session);
  } catch (error) {
    await abortAndEnd(session);
    throw error;
  } finally {
    await session.endSession();
  }
}
