import { Injectable } from '@nestjs/common';
import { InjectConnection, InjectModel } from '@nestjs/mongoose';
import { Connection, Model } from 'mongoose';

interface Account {
  owner: string;
  balance: number;
}

// One variable checks both saves: declared with the first, assigned the second.
@Injectable()
export class TransferService {
  constructor(
    @InjectConnection() private readonly connection: Connection,
    @InjectModel('Account') private readonly accounts: Model<Account>,
  ) {}

  async transfer(fromOwner: string, toOwner: string, amount: number): Promise<boolean> {
    const session = await this.connection.startSession();
    session.startTransaction();
    try {
      const from = await this.accounts.findOne({ owner: fromOwner }).session(session);
      const to = await this.accounts.findOne({ owner: toOwner }).session(session);
      if (!from || !to) throw new Error('Unknown account');
      from.balance -= amount;
      to.balance += amount;
      let saved = from.save({ session });
      if (!saved) throw new Error('Debit failed');
      saved = to.save({ session });
      if (!saved) throw new Error('Credit failed');
      await session.commitTransaction();
      return true;
    } catch (error) {
      await session.abortTransaction();
      throw error;
    } finally {
      await session.endSession();
    }
  }
}
