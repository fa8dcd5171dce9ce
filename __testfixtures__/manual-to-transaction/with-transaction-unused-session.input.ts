import { Injectable } from '@nestjs/common';
import { InjectConnection } from '@nestjs/mongoose';
import { Connection } from 'mongoose';
import { OutboxService } from './outbox.service';

// The withTransaction() callback never reads the session (the outbox finds its own), so
// transaction()'s callback takes no parameter: an unread one fails noUnusedParameters.
@Injectable()
export class DispatchService {
  constructor(
    @InjectConnection() private readonly connection: Connection,
    private readonly outbox: OutboxService,
  ) {}

  async flush(): Promise<void> {
    const session = await this.connection.startSession();
    try {
      await session.withTransaction(async () => {
        await this.outbox.flushPending();
      });
    } finally {
      await session.endSession();
    }
  }
}
