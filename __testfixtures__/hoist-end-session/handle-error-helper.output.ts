import mongoose, { ClientSession } from 'mongoose';

const Ledger = mongoose.model('Ledger', new mongoose.Schema({ account: String, amount: Number }));

interface FailOptions {
  session?: ClientSession;
  reason: string;
}

// Helpers take the session destructured from options, or as an optional last parameter; both
// end it, and both are called from owners that start the session.
async function failWith({ session, reason }: FailOptions): Promise<never> {
  if (session?.inTransaction()) await session?.abortTransaction();
  throw new Error(reason);
}

async function finish(session?: ClientSession): Promise<void> {
  if (session) {
    await session.commitTransaction();
  }
}

export async function post(account: string, amount: number): Promise<void> {
  const session = await mongoose.startSession();
  session.startTransaction();
  try {
    if (amount === 0) await failWith({ session, reason: 'empty posting' });
    await Ledger.create([{ account, amount }], { session });
    await finish(session);
  } catch (error) {
    if (session.inTransaction()) await session.abortTransaction();
    throw error;
  } finally {
    await session.endSession();
  }
}
