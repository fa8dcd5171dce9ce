import mongoose, { ClientSession, Model } from 'mongoose';
import { stockFor } from '../clients/warehouse';

interface Line {
  sku: string;
  qty: number;
}

interface Product {
  sku: string;
  stock: number;
}

interface Order {
  user: string;
  items: Line[];
  status: string;
}

// Asks the warehouse (code this file cannot see), then aborts the caller's transaction when an
// item is short: the abort is what keeps this body out of transaction(), not the warehouse call.
async function reserve(Products: Model<Product>, session: ClientSession, items: Line[]): Promise<void> {
  const stock: Record<string, number> = await stockFor(items.map((item) => item.sku));
  for (const item of items) {
    if ((stock[item.sku] ?? 0) < item.qty) {
      await session.abortTransaction();
      throw new Error(`not enough ${item.sku}`);
    }
    await Products.updateOne({ sku: item.sku }, { $inc: { stock: -item.qty } }, { session });
  }
}

export class OrderService {
  constructor(
    private readonly products: Model<Product>,
    private readonly orders: Model<Order>,
  ) {}

  async placeOrder(userId: string, items: Line[]) {
    const session = await mongoose.startSession();
    session.startTransaction();
    try {
      await reserve(this.products, session, items);
      const [order] = await this.orders.create([{ user: userId, items, status: 'placed' }], { session });
      await session.commitTransaction();
      return order;
    } catch (err) {
      if (session.inTransaction()) await session.abortTransaction();
      throw err;
    } finally {
      await session.endSession();
    }
  }
}
