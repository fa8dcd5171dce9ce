import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { ClientSession, Model, Types } from 'mongoose';
import { TransactionService } from '../common/transaction.service';

export interface Wallet {
  _id: Types.ObjectId;
  owner: string;
  balance: number;
}

@Injectable()
export class WalletsService {
  constructor(
    @InjectModel('Wallet') private readonly wallets: Model<Wallet>,
    private readonly transactionService: TransactionService,
  ) {}

  async credit(walletId: string, amount: number, session: ClientSession): Promise<void> {
    const updated = await this.wallets.updateOne({ _id: walletId }, { $inc: { balance: amount } }, { session });
    if (updated.matchedCount === 0) throw new NotFoundException(`wallet ${walletId}`);
  }

  async open(owner: string): Promise<Wallet> {
    return this.transactionService.run(async (session) => {
      const [wallet] = await this.wallets.create([{ owner, balance: 0 }], { session });
      return wallet.toObject();
    });
  }
}
