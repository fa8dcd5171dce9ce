import mongoose from 'mongoose';
import { Order } from '../models/order';
import { Payment } from '../models/payment';

mongoose.set('transactionAsyncLocalStorage', true);

// With AsyncLocalStorage on, transaction() hands its session to every covered operation inside
// the callback: nothing to add there (and strip-als-session would only take it out again).
export async function pay(orderId: string, amount: number): Promise<void> {
  await mongoose.connection.transaction(async () => {
    await Payment.create([{ order: orderId, amount }]);
    await Order.updateOne({ _id: orderId }, { $set: { paid: true } });
  });
}

export async function refund(orderId: string): Promise<void> {
  await mongoose.connection.transaction(async (session) => {
    await Payment.deleteMany({ order: orderId }, { session });
    await Order.updateOne({ _id: orderId }, { $set: { paid: false } });
  });
}

// AsyncLocalStorage is only filled by transaction(): a hand-managed transaction and
// withTransaction() still need the session on every write.
export async function cancel(orderId: string): Promise<void> {
  const session = await mongoose.startSession();
  session.startTransaction();
  try {
    await Order.updateOne({ _id: orderId }, { $set: { cancelled: true } });
    await session.commitTransaction();
  } catch (error) {
    await session.abortTransaction();
    throw error;
  } finally {
    await session.endSession();
  }
}

export async function archive(orderId: string): Promise<void> {
  const session = await mongoose.startSession();
  try {
    await session.withTransaction(async () => {
      await Order.deleteOne({ _id: orderId });
    });
  } finally {
    await session.endSession();
  }
}
