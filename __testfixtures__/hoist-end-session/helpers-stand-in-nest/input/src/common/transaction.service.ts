import { Injectable } from '@nestjs/common';
import { ClientSession } from 'mongoose';

@Injectable()
export class TransactionService {
  async commitAndEnd(session: ClientSession): Promise<void> {
    await session.commitTransaction();
    await session.endSession();
  }

  async abortAndEnd(session: ClientSession): Promise<void> {
    await session.abortTransaction();
    await session.endSession();
  }
}
