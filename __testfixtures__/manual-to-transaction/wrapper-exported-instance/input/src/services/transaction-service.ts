import { startSession, ClientSession } from 'mongoose';

class TransactionService {
  async withTransaction<T>(fn: (session: ClientSession) => Promise<T>): Promise<T> {
    const session = await startSession();
    session.startTransaction();
    try {
      const result = await fn(session);
      await session.commitTransaction();
      console.info('transaction committed');
      return result;
    } catch (error) {
      console.error('transaction aborted', error);
      await session.abortTransaction();
      throw error;
    } finally {
      await session.endSession();
    }
  }
}

export const transactionService = new TransactionService();
