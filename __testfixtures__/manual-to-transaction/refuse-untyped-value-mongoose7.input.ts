import mongoose from 'mongoose';

const Counter = mongoose.model('Counter', new mongoose.Schema({ name: String, seq: Number }));

// Mongoose 7, TypeScript, and a value read after the commit without a stated type: it cannot be
// declared before the call, and the return after the commit calls a function, which the callback
// would run before the commit (and again on a retry), so the transaction stays as it is.
function formatNumber(name: string, seq: number): string {
  return `${name}-${String(seq).padStart(6, '0')}`;
}

export async function nextNumber(name: string): Promise<string> {
  const session = await mongoose.startSession();
  session.startTransaction();
  try {
    const counter = await Counter.findOneAndUpdate({ name }, { $inc: { seq: 1 } }, { session, new: true, upsert: true });
    await session.commitTransaction();
    return formatNumber(name, counter!.seq!);
  } catch (error) {
    await session.abortTransaction();
    throw error;
  } finally {
    await session.endSession();
  }
}
