import mongoose, { ClientSession, Schema, model } from 'mongoose';

const Stock = model('Stock', new Schema({ sku: String, count: Number }));

// Helpers that end a session they did not start: when commit() fails, the caller's catch
// calls abort(), which aborts an ended session and hides the real error.
async function commit(session: ClientSession) {
  await session.commitTransaction();
}

async function abort(session: ClientSession) {
  if (session.inTransaction()) await session.abortTransaction();
}

export async function restock(sku: string, count: number) {
  const session = await mongoose.startSession();
  session.startTransaction();
  try {
    await Stock.updateOne({ sku }, { $inc: { count } }, { session });
    await commit(session);
  } catch (error) {
    await abort(session);
    throw error;
  } finally {
    await session.endSession();
  }
}
