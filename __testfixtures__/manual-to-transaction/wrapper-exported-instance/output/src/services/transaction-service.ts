import mongoose, { ClientSession } from 'mongoose';

class TransactionService {
  async withTransaction<T>(fn: (session: ClientSession) => Promise<T>): Promise<T> {
    try {
      const result = await mongoose.connection.transaction(async (session) => {
        const result = await fn(session);
        return result;
      });
      console.info('transaction committed');
      return result;
    } catch (error) {
      console.error('transaction aborted', error);
      throw error;
    }
  }
}

export const transactionService = new TransactionService();
