import { Injectable, Logger } from '@nestjs/common';
import { InjectConnection, InjectModel } from '@nestjs/mongoose';
import { Connection, Model } from 'mongoose';

interface Payout {
  owner: string;
  amount: number;
  status: string;
}

interface PayoutProvider {
  transfer(owner: string, amount: number): Promise<void>;
}

@Injectable()
export class PayoutsService {
  private readonly logger = new Logger(PayoutsService.name);

  constructor(
    @InjectConnection() private readonly connection: Connection,
    @InjectModel('Payout') private readonly payouts: Model<Payout>,
    private readonly provider: PayoutProvider,
  ) {}

  // The log line between startTransaction() and the try cannot throw: the finally already covers
  // every use of the session, so nothing is reported about where it is ended.
  async process(payoutId: string): Promise<void> {
    const session = await this.connection.startSession();
    session.startTransaction();
    this.logger.log(`Processing payout ${payoutId}`);
    try {
      const payout = await this.payouts.findById(payoutId).session(session).orFail();
      await this.provider.transfer(payout.owner, payout.amount);
      payout.status = 'paid';
      await payout.save({ session });
      await session.commitTransaction();
    } catch (error) {
      this.logger.error(`Payout ${payoutId} failed`);
      await session.abortTransaction();
      throw error;
    } finally {
      await session.endSession();
    }
  }
}
