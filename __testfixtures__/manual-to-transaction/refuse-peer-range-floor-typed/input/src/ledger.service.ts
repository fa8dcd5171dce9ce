import { Injectable } from '@nestjs/common';
import { InjectConnection, InjectModel } from '@nestjs/mongoose';
import { Connection, Model } from 'mongoose';

interface Ledger {
  balance: number;
}

// A published module: its users may run any Mongoose of the peer range, 6.0.14 included.
@Injectable()
export class LedgerService {
  constructor(
    @InjectConnection() private readonly connection: Connection,
    @InjectModel('Ledger') private readonly ledgers: Model<Ledger>,
  ) {}

  async transfer(fromId: string, toId: string, amount: number): Promise<void> {
    const session = await this.connection.startSession();
    session.startTransaction();
    try {
      await this.ledgers.updateOne({ _id: fromId }, { $inc: { balance: -amount } }, { session });
      await this.ledgers.updateOne({ _id: toId }, { $inc: { balance: amount } }, { session });
      await session.commitTransaction();
    } catch (error) {
      await session.abortTransaction();
      throw error;
    } finally {
      await session.endSession();
    }
  }
}
