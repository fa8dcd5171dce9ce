import mongoose, { ClientSession } from 'mongoose';
import { Order } from '../models/order';
import { Payment } from '../models/payment';

// Marks the order paid; the session, when given, puts the update in the caller's transaction.
export async function markPaid(orderId: string, session?: ClientSession): Promise<boolean> {
  const result = await Order.updateOne({ _id: orderId }, { status: 'paid' }, { session });
  return result.modifiedCount === 1;
}

export async function pay(orderId: string, amount: number): Promise<boolean> {
  const session = await mongoose.startSession();
  session.startTransaction();
  try {
    await Payment.create([{ order: orderId, amount }], { session });
    const paid = await markPaid(orderId);
    await session.commitTransaction();
    return paid;
  } catch (error) {
    await session.abortTransaction();
    throw error;
  } finally {
    session.endSession();
  }
}
