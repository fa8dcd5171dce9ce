import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { ClientSession, Model } from 'mongoose';
import { getTxSession } from '../utils/db';
import { Wallet, WalletDocument } from './wallet.schema';

@Injectable()
export class WalletRepository {
  constructor(@InjectModel(Wallet.name) private readonly wallets: Model<Wallet>) {}

  async beginTx(): Promise<ClientSession> {
    const session = await getTxSession();
    session.startTransaction({ readConcern: { level: 'snapshot' }, writeConcern: { w: 'majority' } });
    return session;
  }

  // The wallet's open statement, named like a factory: a document, not a session.
  async getStatementSession(owner: string): Promise<WalletDocument | null> {
    return this.wallets.findOne({ owner });
  }

  async move(owner: string, amount: number, session: ClientSession): Promise<WalletDocument> {
    const wallet = await this.wallets.findOneAndUpdate({ owner, balance: { $gte: -amount } }, { $inc: { balance: amount } }, { session, new: true });
    if (!wallet) throw new Error(`wallet of ${owner} cannot move ${amount}`);
    return wallet;
  }
}
