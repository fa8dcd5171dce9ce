import mongoose, { ClientSession } from 'mongoose';
import { Order } from './models/order';
import { Product } from './models/product';

export const withTransaction = async <T>(callback: (session: ClientSession) => Promise<T>): Promise<T> => {
  const session = await mongoose.startSession();
  try {
    let result!: T;
    await session.withTransaction(async () => {
      result = await callback(session);
    });
    return result;
  } finally {
    await session.endSession();
  }
};

export async function placeOrder(userId: string, items: Array<{ product: string; quantity: number }>) {
  return withTransaction(async (session) => {
    const [order] = await Order.create([{ user: userId, items }], { session });
    await Promise.all(
      items.map((item) => Product.updateOne({ _id: item.product }, { $inc: { stock: -item.quantity } }, { session })),
    );
    return order;
  });
}
