import mongoose from 'mongoose';
import { openSession } from '../utils/db';

const Entry = mongoose.model('Entry', new mongoose.Schema({ order: String, action: String }));

export async function record(orderId: string, action: string): Promise<void> {
  const session = await openSession();
  session.startTransaction();
  try {
    await Entry.create([{ order: orderId, action }], { session });
    await session.commitTransaction();
  } catch (error) {
    await session.abortTransaction();
    throw error;
  } finally {
    await session.endSession();
  }
}
