import { ClientSession, Connection } from 'mongoose';

// The session is created inside the try, so the catch checks that it exists before aborting.
export async function closeAccount(connection: Connection, accountId: string): Promise<void> {
  let session: ClientSession | undefined;
  try {
    session = await connection.startSession();
    session.startTransaction();
    await connection.collection('accounts').deleteOne({ _id: accountId }, { session });
    await connection.collection('statements').deleteMany({ account: accountId }, { session });
    await session.commitTransaction();
  } catch (error) {
    if (session) await session.abortTransaction();
    throw error;
  } finally {
    await session?.endSession();
  }
}
