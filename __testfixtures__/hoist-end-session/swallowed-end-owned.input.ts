import mongoose, { ClientSession } from 'mongoose';
import { Product } from '../models/product';
import { StockLog } from '../models/stock-log';

// Joins the caller's transaction when given a session, else runs its own.
export async function restock(productId: string, quantity: number, existingSession?: ClientSession): Promise<{ ok: boolean }> {
  const session = existingSession || (await mongoose.startSession());
  const ownsTransaction = !existingSession;
  if (ownsTransaction) {
    session.startTransaction();
  }
  try {
    const product = await Product.findByIdAndUpdate(productId, { $inc: { stock: quantity } }, { new: true, session });
    if (!product) {
      if (ownsTransaction) {
        await session.abortTransaction();
        session.endSession();
      }
      return { ok: false };
    }
    await StockLog.create([{ productId, quantity }], { session });
    if (ownsTransaction) {
      await session.commitTransaction();
      session.endSession();
    }
    return { ok: true };
  } catch (error) {
    if (ownsTransaction && session.inTransaction()) {
      try {
        await session.abortTransaction();
      } catch {
        // already aborted
      }
    }
    if (ownsTransaction) {
      try {
        session.endSession();
      } catch {
        // ignore end session errors
      }
    }
    throw error;
  }
}
