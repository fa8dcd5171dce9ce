import { BadRequestException, Injectable } from '@nestjs/common';
import { InjectConnection, InjectModel } from '@nestjs/mongoose';
import { ClientSession, Connection, HydratedDocument, Model } from 'mongoose';

interface Wallet {
  owner: string;
  balance: number;
}

interface Transfer {
  from: string;
  to: string;
  amount: number;
}

@Injectable()
export class LedgerService {
  constructor(
    @InjectConnection() private readonly connection: Connection,
    @InjectModel('Wallet') private readonly wallets: Model<Wallet>,
  ) {}

  private async move(transfer: Transfer, session: ClientSession): Promise<HydratedDocument<Wallet>> {
    const source = await this.wallets.findOneAndUpdate(
      { owner: transfer.from, balance: { $gte: transfer.amount } },
      { $inc: { balance: -transfer.amount } },
      { new: true, session },
    );
    if (!source) throw new BadRequestException(`${transfer.from} cannot send ${transfer.amount}`);
    await this.wallets.updateOne({ owner: transfer.to }, { $inc: { balance: transfer.amount } }, { session });
    return source;
  }

  // Settles a batch of transfers and returns the senders' balances, in the batch's order.
  async settle(batch: Transfer[]): Promise<number[]> {
    const session = await this.connection.startSession();
    try {
      session.startTransaction();
      const moves: Promise<HydratedDocument<Wallet>>[] = [];
      for (const transfer of batch) {
        moves.push(this.move(transfer, session));
      }
      const balances = (await Promise.all(moves)).map((wallet) => wallet.balance);
      await session.commitTransaction();
      return balances;
    } catch (error) {
      await session.abortTransaction();
      throw error;
    } finally {
      await session.endSession();
    }
  }
}
