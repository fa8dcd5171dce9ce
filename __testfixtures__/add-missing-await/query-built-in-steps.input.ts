import mongoose, { Model } from 'mongoose';

interface Order {
  customer: string;
  status: string;
  carrier?: string;
}

// The query is built in steps and given the session before it runs: it is awaited once, as a query.
export async function markShipped(Orders: Model<Order>, orderId: string, carrier: string) {
  const session = await mongoose.startSession();
  session.startTransaction();
  try {
    let query = Orders.findById(orderId);
    query = query.session(session);
    const order = await query;
    if (!order) throw new Error('Order not found');
    order.status = 'shipped';
    order.carrier = carrier;
    await order.save({ session });
    await session.commitTransaction();
    return order;
  } catch (err) {
    await session.abortTransaction();
    throw err;
  } finally {
    session.endSession();
  }
}
