import { Injectable } from '@nestjs/common';
import { ClientSession } from 'mongoose';

@Injectable()
export class TransactionService {
  async commitAndEnd(session: ClientSession): Promise<void> {
    await session.commitTransaction();
  }

  async abortAndEnd(session: ClientSession): Promise<void> {
    if (session.inTransaction()) await session.abortTransaction();
  }
}
