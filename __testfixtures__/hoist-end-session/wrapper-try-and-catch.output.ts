import mongoose, { ClientSession, Schema, model } from 'mongoose';

const Ledger = model('Ledger', new Schema({ account: String, amount: Number }));

// A home-made transaction wrapper, as found in many services: the session is ended in the
// try and again in the catch, so a throw from commitTransaction() ends it twice and a
// return added later between the two would leak it.
export async function withTransaction<T>(fn: (session: ClientSession) => Promise<T>): Promise<T> {
  const session = await mongoose.startSession();
  session.startTransaction();
  try {
    const result = await fn(session);
    await session.commitTransaction();
    return result;
  } catch (error) {
    if (session.inTransaction()) await session.abortTransaction();
    throw error;
  } finally {
    await session.endSession();
  }
}

export async function credit(account: string, amount: number) {
  return withTransaction(async (session) => {
    await Ledger.create([{ account, amount }], { session });
  });
}
