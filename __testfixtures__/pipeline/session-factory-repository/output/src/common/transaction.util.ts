import { ClientSession, Connection } from 'mongoose';

export class TransactionUtil {
  static async startTransaction(connection: Connection): Promise<{ session: ClientSession; useTransaction: boolean }> {
    const session = await connection.startSession();
    session.startTransaction();
    return { session, useTransaction: true };
  }

  static async abortTransaction(session: ClientSession): Promise<void> {
    if (session.inTransaction()) await session.abortTransaction();
  }
}
