import { ClientSession } from 'mongoose';
import { Ledger, Wallet } from '../models/wallet';

export class WalletService {
  async sessionStart(): Promise<ClientSession> {
    const session = await Wallet.startSession();
    return session;
  }

  async topUp(userId: string, amount: number): Promise<number> {
    const session = await this.sessionStart();
    session.startTransaction();
    try {
      const wallet = await Wallet.findOneAndUpdate({ user: userId }, { $inc: { balance: amount } }, { new: true, session });
      if (!wallet) throw new Error('Wallet not found');
      await Ledger.create([{ from: 'bank', to: userId, amount }], { session });
      await session.commitTransaction();
      return wallet.balance;
    } catch (error) {
      await session.abortTransaction();
      throw error;
    } finally {
      session.endSession();
    }
  }
}
