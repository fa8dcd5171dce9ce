import { Injectable } from '@nestjs/common';
import { ClientSession } from 'mongoose';

/** Exported for applications that start their own sessions. */
@Injectable()
export class TransactionManager {
  async commit(session: ClientSession): Promise<void> {
    await session.commitTransaction();
    await session.endSession();
  }

  async rollback(session: ClientSession): Promise<void> {
    if (session.inTransaction()) await session.abortTransaction();
    await session.endSession();
  }
}
