import mongoose, { ClientSession } from 'mongoose';

const Pet = mongoose.model('Pet', new mongoose.Schema({ name: String, owner: String }));

// Helpers that finish a transaction for their callers, ending the session as they go; the
// caller below owns the session and ends it in its finally too.
async function commit(session: ClientSession): Promise<void> {
  await session.commitTransaction();
}

async function rollback(session: ClientSession): Promise<void> {
  if (session.inTransaction()) await session.abortTransaction();
}

export async function adopt(pet: string, owner: string, transfer: (s: ClientSession) => Promise<void>): Promise<void> {
  const session = await mongoose.startSession();
  session.startTransaction();
  try {
    await Pet.updateOne({ name: pet }, { owner }, { session });
    await transfer(session);
    await commit(session);
  } catch (error) {
    await rollback(session);
    throw error;
  } finally {
    await session.endSession();
  }
}
