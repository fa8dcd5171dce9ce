import { Injectable, Logger } from '@nestjs/common';
import { InjectConnection, InjectModel } from '@nestjs/mongoose';
import { Connection, Model } from 'mongoose';

interface Payout {
  account: string;
  amount: number;
  status: string;
}

interface PayoutFailure {
  account: string;
  reason: string;
}

// A payout service that records failures on purpose outside the transaction: before an
// unconditional throw, in a catch, in a finally. None of them is touched or reported.
@Injectable()
export class PayoutService {
  private readonly logger = new Logger(PayoutService.name);

  constructor(
    @InjectConnection() private readonly connection: Connection,
    @InjectModel('Payout') private readonly payouts: Model<Payout>,
    @InjectModel('PayoutFailure') private readonly failures: Model<PayoutFailure>,
  ) {}

  async pay(account: string, amount: number): Promise<void> {
    await this.connection.transaction(async (session) => {
      if (amount <= 0) {
        await this.failures.create([{ account, reason: 'non-positive amount' }]);
        throw new Error('amount must be positive');
      }
      try {
        await this.payouts.create([{ account, amount, status: 'sent' }], { session });
      } catch (error) {
        await this.failures.create([{ account, reason: String(error) }]);
        throw error;
      } finally {
        this.logger.log(`payout attempt for ${account}`);
      }
    });
  }

  async retry(account: string): Promise<void> {
    const session = await this.connection.startSession();
    session.startTransaction();
    try {
      const payout = await this.payouts.findOne({ account, status: 'failed' }).session(session);
      if (!payout) {
        await this.failures.create([{ account, reason: 'nothing to retry' }]);
        await session.abortTransaction();
        return;
      }
      payout.status = 'sent';
      await payout.save();
      await session.commitTransaction();
    } catch (error) {
      await this.failures.create([{ account, reason: String(error) }]);
      await session.abortTransaction();
      throw error;
    } finally {
      await this.failures.updateMany({ account }, { $set: { seen: true } });
      await session.endSession();
    }
  }
}
