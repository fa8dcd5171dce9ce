import { Schema, model } from 'mongoose';
import { runInTransaction } from '@shop/db';

interface Order {
  customer: string;
  total: number;
}

const Order = model<Order>('Order', new Schema<Order>({ customer: String, total: Number }));

export async function placeOrder(customer: string, total: number): Promise<string> {
  const order = await runInTransaction(async (session) => {
    const [created] = await Order.create([{ customer, total }], { session });
    return created;
  });
  return String(order._id);
}
