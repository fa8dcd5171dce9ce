import { Injectable } from '@nestjs/common';
import { InjectConnection } from '@nestjs/mongoose';
import { ClientSession, Connection } from 'mongoose';

@Injectable()
export class TransactionService {
  constructor(@InjectConnection() private readonly connection: Connection) {}

  // transaction() runs the work with AsyncLocalStorage holding its session.
  run<T>(work: (session: ClientSession) => Promise<T>): Promise<T> {
    return this.connection.transaction((session) => work(session));
  }

  // A transaction of its own: nothing but the session it hands over puts a write in it.
  async runManually<T>(work: (session: ClientSession) => Promise<T>): Promise<T> {
    const session = await this.connection.startSession();
    session.startTransaction();
    try {
      const result = await work(session);
      await session.commitTransaction();
      return result;
    } catch (error) {
      await session.abortTransaction();
      throw error;
    } finally {
      await session.endSession();
    }
  }
}
