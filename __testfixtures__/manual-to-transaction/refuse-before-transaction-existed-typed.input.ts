import mongoose from 'mongoose';

const Order = mongoose.model('Order', new mongoose.Schema({ total: Number }));

// Mongoose 6.0: transaction() would leak its session (fixed in 6.1.8).
export async function place(total: number): Promise<void> {
  const session = await mongoose.startSession();
  session.startTransaction();
  try {
    await Order.create([{ total }], { session });
    await session.commitTransaction();
  } catch (error) {
    await session.abortTransaction();
    throw error;
  } finally {
    await session.endSession();
  }
}
