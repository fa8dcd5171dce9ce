import mongoose from 'mongoose';

const Account = mongoose.model('Account', new mongoose.Schema({ owner: String, balance: Number }));

// Declarations that cannot throw sit between startSession() and the try whose finally ends the
// session: nothing to move and nothing to report.
export async function close(owner: string): Promise<number> {
  const session = await mongoose.startSession();
  let closed = 0;
  const filter = { owner };
  try {
    session.startTransaction();
    const result = await Account.deleteMany(filter, { session });
    closed = result.deletedCount;
    await session.commitTransaction();
  } catch (error) {
    if (session.inTransaction()) await session.abortTransaction();
    throw error;
  } finally {
    await session.endSession();
  }
  return closed;
}
