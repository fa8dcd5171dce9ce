import { Injectable } from '@nestjs/common';
import { InjectConnection } from '@nestjs/mongoose';
import { ClientSession, Connection } from 'mongoose';

@Injectable()
export class UnitOfWork {
  constructor(@InjectConnection() private readonly connection: Connection) {}

  async begin(): Promise<ClientSession> {
    const session = await this.connection.startSession();
    session.startTransaction();
    return session;
  }

  async complete(session: ClientSession): Promise<void> {
    await session.commitTransaction();
    await session.endSession();
  }

  async rollback(session: ClientSession): Promise<void> {
    if (session.inTransaction()) await session.abortTransaction();
    await session.endSession();
  }
}
