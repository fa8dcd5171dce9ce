import mongoose, { ClientSession } from 'mongoose';
import { Order } from '../models/order';
import Customer from '../models/customer';

// Helpers that end a session they did not start: the caller's catch then aborts an ended
// session and the real error is lost.
async function commit(session: ClientSession) {
  await session.commitTransaction();
  session.endSession();
}

async function rollback(session: ClientSession) {
  await session.abortTransaction();
  session.endSession();
}

export async function refund(orderId: string) {
  const session = await mongoose.startSession();
  session.startTransaction();
  try {
    const order = await Order.findById(orderId).session(session);
    if (!order || order.status !== 'paid') {
      await rollback(session);
      return false;
    }
    order.status = 'refunded';
    await order.save({ session });
    await Customer.updateOne({ _id: order.customer }, { $inc: { credit: order.total } }, { session });
    await commit(session);
    return true;
  } catch (error) {
    await rollback(session);
    throw error;
  }
}

// Never ends its session: every call leaks one server session.
export async function expireUnpaid(before: Date) {
  const session = await mongoose.startSession();
  await session.withTransaction(async () => {
    await Order.updateMany({ status: 'placed', createdAt: { $lt: before } }, { status: 'refunded' }, { session });
  });
}
