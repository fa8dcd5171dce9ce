import mongoose, { ClientSession, Connection } from 'mongoose';

export interface RunInTransaction {
  execute(callback: (session: ClientSession) => Promise<void>): Promise<void>;
}

export default class MongooseRunInTransaction implements RunInTransaction {
  async execute(callback: (session: ClientSession) => Promise<void>, connection: Connection = mongoose.connection): Promise<void> {
    const session = await connection.startSession();
    session.startTransaction();
    try {
      await callback(session);
      await session.commitTransaction();
    } catch (error) {
      await session.abortTransaction();
      throw error;
    } finally {
      await session.endSession();
    }
  }
}
