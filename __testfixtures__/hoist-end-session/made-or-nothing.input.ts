import mongoose, { ClientSession } from 'mongoose';
import { stock } from '../repositories/stock';
import { orders, OrderDoc } from '../repositories/orders';

// Transactions need a replica set; on a standalone server the work runs without one.
export async function checkout(sku: string, quantity: number): Promise<OrderDoc | undefined> {
  const transactional = process.env.MONGO_REPLICA_SET === 'true';
  const session: ClientSession | null = transactional ? await mongoose.startSession() : null;

  try {
    let order: OrderDoc | undefined;
    const work = async (active: ClientSession | null) => {
      const item = await stock.take(sku, quantity, active);
      if (!item) throw new Error('Out of stock');
      order = await orders.create({ sku, quantity, price: item.price * quantity }, active);
    };

    if (session) {
      await session.withTransaction(() => work(session));
    } else {
      await work(null);
    }
    return order;
  } finally {
    if (session) session.endSession();
  }
}
