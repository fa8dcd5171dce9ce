import mongoose, { ClientSession } from 'mongoose';

// The helpers are arrow functions kept in class fields, not methods: their callers are not looked
// for, so nothing is moved or guarded, and the findings say why in those words.
export class MongoUnitOfWork {
  begin = async (): Promise<ClientSession> => {
    const session = await mongoose.startSession();
    session.startTransaction();
    return session;
  };

  commit = async (session: ClientSession): Promise<void> => {
    await session.commitTransaction();
    await session.endSession();
  };

  rollback = async (session: ClientSession): Promise<void> => {
    await session.abortTransaction();
    await session.endSession();
  };
}
