import { ClientSession, model, Schema } from 'mongoose';

const Wallet = model('Wallet', new Schema({ user: String, balance: Number }));
const Ledger = model('Ledger', new Schema({ from: String, to: String, amount: Number }));

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
