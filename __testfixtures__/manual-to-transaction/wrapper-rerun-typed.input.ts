import mongoose, { ClientSession } from 'mongoose';

/**
 * Runs the work inside a transaction where the deployment supports them; on a standalone
 * development server it runs the work without a session instead.
 */
export async function withOptionalTxn<T>(fn: (session?: ClientSession) => Promise<T>): Promise<T> {
  let session: ClientSession | undefined;
  try {
    session = await mongoose.startSession();
    session.startTransaction();
    const result = await fn(session);
    await session.commitTransaction();
    return result;
  } catch (err: any) {
    if (session) {
      try {
        await session.abortTransaction();
      } catch {}
      session.endSession();
    }
    const message = String(err?.message || '');
    if (message.includes('Transaction numbers are only allowed on a replica set') || err?.code === 20) {
      return fn(undefined);
    }
    throw err;
  } finally {
    if (session) session.endSession();
  }
}
