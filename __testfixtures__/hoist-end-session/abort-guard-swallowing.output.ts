import { ClientSession, Connection } from 'mongoose';

export class UnitOfWork {
  constructor(private readonly connection: Connection) {}

  // Runs the work in a transaction and resolves to null when it failed; the catch takes no
  // parameter, so the error it swallows is given a name to be thrown again by.
  async run<T>(work: (session: ClientSession) => Promise<T>): Promise<T | null> {
    let session: ClientSession | undefined;
    let result: T | null = null;
    try {
      session = await this.connection.startSession();
      session.startTransaction();
      result = await work(session);
      await session.commitTransaction();
    } catch (error) {
      if (session?.inTransaction()) {
        await session.abortTransaction();
      } else if (session) throw error;
    } finally {
      await session?.endSession();
    }
    return result;
  }
}
