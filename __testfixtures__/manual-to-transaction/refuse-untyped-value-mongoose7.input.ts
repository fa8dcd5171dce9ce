import mongoose from 'mongoose';

const Counter = mongoose.model('Counter', new mongoose.Schema({ name: String, seq: Number }));

// Mongoose 7, TypeScript, and a value read after the commit without a stated type: it cannot be
// declared before the call, so the transaction stays as it is.
export async function nextNumber(name: string): Promise<number> {
  const session = await mongoose.startSession();
  session.startTransaction();
  try {
    const counter = await Counter.findOneAndUpdate({ name }, { $inc: { seq: 1 } }, { session, new: true, upsert: true });
    await session.commitTransaction();
    return counter!.seq!;
  } catch (error) {
    await session.abortTransaction();
    throw error;
  } finally {
    await session.endSession();
  }
}
