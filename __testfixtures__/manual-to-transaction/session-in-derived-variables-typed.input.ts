import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectConnection, InjectModel } from '@nestjs/mongoose';
import { Connection, Model } from 'mongoose';

interface Account {
  legacyId?: string;
  closed: boolean;
}

interface Payment {
  account: string;
  status: string;
}

// Queries kept in variables of the method: one given its session afterwards
// (`pending = pending.session(session)`), one replaced by another query on the same session.
@Injectable()
export class AccountClosingService {
  constructor(
    @InjectConnection() private readonly connection: Connection,
    @InjectModel('Account') private readonly accountModel: Model<Account>,
    @InjectModel('Payment') private readonly paymentModel: Model<Payment>,
  ) {}

  async close(accountId: string, legacy: boolean): Promise<number> {
    const session = await this.connection.startSession();
    session.startTransaction();
    try {
      let account = this.accountModel.findById(accountId).session(session);
      if (legacy) account = this.accountModel.findOne({ legacyId: accountId }).session(session);
      const found = await account;
      if (!found) throw new NotFoundException('Account not found');
      let pending = this.paymentModel.find({ account: accountId, status: 'pending' });
      pending = pending.session(session);
      const payments = await pending;
      for (const payment of payments) {
        payment.status = 'cancelled';
        await payment.save({ session });
      }
      found.closed = true;
      await found.save({ session });
      await session.commitTransaction();
      return payments.length;
    } catch (error) {
      await session.abortTransaction();
      throw error;
    } finally {
      await session.endSession();
    }
  }
}
