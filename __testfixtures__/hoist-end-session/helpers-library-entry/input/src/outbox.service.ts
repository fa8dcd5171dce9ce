import { Injectable } from '@nestjs/common';
import { InjectConnection, InjectModel } from '@nestjs/mongoose';
import { Connection, Model } from 'mongoose';
import { TransactionManager } from './transaction-manager';

interface OutboxMessage {
  topic: string;
  payload: unknown;
  sentAt?: Date;
}

@Injectable()
export class OutboxService {
  constructor(
    @InjectConnection() private readonly connection: Connection,
    @InjectModel('OutboxMessage') private readonly outbox: Model<OutboxMessage>,
    private readonly transactions: TransactionManager,
  ) {}

  async markSent(ids: string[]): Promise<void> {
    const session = await this.connection.startSession();
    session.startTransaction();
    try {
      await this.outbox.updateMany({ _id: { $in: ids } }, { sentAt: new Date() }, { session });
      await this.transactions.commit(session);
    } catch (error) {
      await this.transactions.rollback(session);
      throw error;
    }
  }
}
