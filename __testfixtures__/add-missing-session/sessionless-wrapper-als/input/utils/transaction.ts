import mongoose from 'mongoose';

// AsyncLocalStorage gives the work's operations the session of transaction().
export const inTransaction = <T>(work: () => Promise<T>): Promise<T> => mongoose.connection.transaction(() => work());

// A transaction started by hand: AsyncLocalStorage has no session to give here.
export async function underManualTransaction(work: () => Promise<void>): Promise<void> {
  const session = await mongoose.startSession();
  session.startTransaction();
  try {
    await work();
    await session.commitTransaction();
  } catch (err) {
    if (session.inTransaction()) await session.abortTransaction();
    throw err;
  } finally {
    await session.endSession();
  }
}
