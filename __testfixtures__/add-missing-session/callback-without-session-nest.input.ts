import { Injectable } from '@nestjs/common';
import { InjectConnection, InjectModel } from '@nestjs/mongoose';
import { Connection, Model } from 'mongoose';

interface Wallet {
  owner: string;
  balance: number;
}

// A transaction() callback written for AsyncLocalStorage in a project where it is not switched
// on (Mongoose 8.2 cannot have it): reported once, the session is not invented.
@Injectable()
export class WalletService {
  constructor(
    @InjectConnection() private readonly connection: Connection,
    @InjectModel('Wallet') private readonly wallets: Model<Wallet>,
  ) {}

  async topUp(owner: string, amount: number): Promise<void> {
    await this.connection.transaction(async () => {
      await this.wallets.updateOne({ owner }, { $inc: { balance: amount } });
    });
  }
}
