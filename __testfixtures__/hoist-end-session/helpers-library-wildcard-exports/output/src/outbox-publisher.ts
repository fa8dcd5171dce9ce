import type { Connection, Model } from 'mongoose';
import { abortAndEnd, commitAndEnd } from './helpers/transactions';

interface OutboxMessage {
  topic: string;
  payload: unknown;
  publishedAt?: Date;
}

export class OutboxPublisher {
  constructor(
    private readonly connection: Connection,
    private readonly messages: Model<OutboxMessage>,
  ) {}

  async markPublished(ids: string[]): Promise<void> {
    const session = await this.connection.startSession();
    session.startTransaction();
    try {
      await this.messages.updateMany({ _id: { $in: ids } }, { publishedAt: new Date() }, { session });
      await commitAndEnd(session);
    } catch (error) {
      await abortAndEnd(session);
      throw error;
    } finally {
      await session.endSession();
    }
  }
}
