import mongoose from 'mongoose';

// The parameter is named `client` but typed as the mongoose module: its startSession() is
// Mongoose's. The body is the caller's callback, which a retry could run twice.
export const migrateTransaction = async (client: typeof mongoose, cb: (session: mongoose.ClientSession) => Promise<void>) => {
  const session = await client.startSession();
  session.startTransaction();
  try {
    await cb(session);
    await session.commitTransaction();
  } catch (error) {
    await session.abortTransaction();
    throw error;
  } finally {
    session.endSession();
  }
};
