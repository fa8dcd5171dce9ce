import mongoose from 'mongoose';

const Account = mongoose.model('Account', new mongoose.Schema({ owner: String, balance: Number }));

// A type assertion around a whole lifecycle call changes nothing at run time: the start still only
// starts the transaction (the finally joins the try that follows it), and the abort is still an
// abort that can follow a failed commit (it gets its guard).
export async function close(owner: string): Promise<number> {
  const session = await mongoose.startSession();
  session.startTransaction()!;
  try {
    const result = await Account.deleteMany({ owner }, { session });
    await session.commitTransaction();
    return result.deletedCount;
  } catch (error) {
    if (session.inTransaction()) await (session.abortTransaction() as Promise<void>);
    throw error;
  } finally {
    await session.endSession();
  }
}
