import { ClientSession, startSession } from 'mongoose';

class TransactionService {
  async withTransaction<T>(fn: (session: ClientSession) => Promise<T>): Promise<T> {
    const session = await startSession();
    session.startTransaction();
    try {
      const result = await fn(session);
      await session.commitTransaction();
      return result;
    } catch (error: any) {
      console.error(error.message);
      await session.abortTransaction();
      throw error;
    } finally {
      await session.endSession();
    }
  }
}

export const transactionService = new TransactionService();
