import mongoose, { ClientSession } from 'mongoose';

// A home-made wrapper whose body is the caller's callback: transaction() might run it twice, so
// it stays hand-managed, and the session is ended on both paths but in no finally.
export async function runInTransaction<T>(fn: (session: ClientSession) => Promise<T>): Promise<T> {
    let session = await mongoose.startSession();
    session.startTransaction();
    try {
        let res = await fn(session);
        await session.commitTransaction();
        await session.endSession();
        return res;
    } catch (e) {
        await session.abortTransaction();
        await session.endSession();
        throw e;
    }
}
