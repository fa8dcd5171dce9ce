import mongoose from 'mongoose';
import { Order } from './order.model';
import { abortAndEnd, commitAndEnd } from '../utils/transaction';

export async function placeOrder(customerId: string, total: number) {
  const session = await mongoose.startSession();
  session.startTransaction();
  try {
    const [order] = await Order.create([{ customerId, total }], { session });
    await commitAndEnd(session);
    return order;
  } catch (error) {
    await abortAndEnd(session);
    throw error;
  }
}
