import { ClientSession } from 'mongoose';
import { Wallet } from '../models/wallet';
import { Ledger } from '../models/ledger';

export class WalletService {
  async sessionStart(): Promise<ClientSession> {
    const session = await Wallet.startSession();
    return session;
  }

  async topUp(userId: string, amount: number): Promise<number> {
    const wallet = await Wallet.db.transaction(async (session) => {
      const wallet = await Wallet.findOneAndUpdate({ user: userId }, { $inc: { balance: amount } }, { new: true, session });
      if (!wallet) throw new Error('Wallet not found');
      await Ledger.create([{ from: 'bank', to: userId, amount }], { session });
      return wallet;
    });
    return wallet.balance;
  }
}
