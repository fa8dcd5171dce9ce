import { Injectable, Logger } from '@nestjs/common';
import { InjectConnection } from '@nestjs/mongoose';
import { ClientSession, Connection } from 'mongoose';

// The base of the repositories: runs the work in a transaction, but never hands it the session.
@Injectable()
export class UnitOfWork {
  constructor(
    @InjectConnection() protected connection: Connection,
    protected logger: Logger,
  ) {}

  async transaction<T>(execute: () => Promise<T>, onError: () => void): Promise<T | undefined> {
    const session = await this.connection.startSession();
    session.startTransaction();
    try {
      const result = await execute();
      await session.commitTransaction();
      return result;
    } catch (error) {
      this.logger.error(error);
      if (session.inTransaction()) await session.abortTransaction();
      onError();
      return undefined;
    } finally {
      await session.endSession();
    }
  }
}

// A wrapper of the same name that does hand its callbacks the session.
@Injectable()
export class SessionUnitOfWork {
  constructor(@InjectConnection() protected connection: Connection) {}

  async transaction<T>(execute: (session: ClientSession) => Promise<T>): Promise<T> {
    return this.connection.transaction((session) => execute(session));
  }

  async touch(id: string): Promise<void> {
    await this.transaction(async (session) => {
      await this.connection.collection('audits').insertOne({ id, at: new Date() }, { session });
    });
  }
}
