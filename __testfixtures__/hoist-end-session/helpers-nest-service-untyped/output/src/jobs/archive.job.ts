import { Injectable } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { InjectConnection } from '@nestjs/mongoose';
import { Connection } from 'mongoose';
import { TransactionService } from '../common';

@Injectable()
export class ArchiveJob {
  constructor(
    @InjectConnection() private readonly connection: Connection,
    private readonly moduleRef: ModuleRef,
  ) {}

  async run(): Promise<void> {
    const transactions = this.moduleRef.get(TransactionService);
    const session = await this.connection.startSession();
    try {
      session.startTransaction();
      await this.connection.collection('orders').deleteMany({ archived: true }, { session });
      await transactions.commitAndEnd(session);
    } finally {
      await session.endSession();
    }
  }
}
