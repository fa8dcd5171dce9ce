import WalletRepo from '../repositories/wallet.repo';
import { TransactionLogModel } from '../models/wallet.model';
import { WalletModel } from '../models/wallet.model';

export class LedgerService {
  constructor(private readonly sessions: WalletRepo) {}

  async credit(walletId: string, amount: number): Promise<void> {
    const session = await this.sessions.sessionStart();
    session.startTransaction();
    try {
      await WalletModel.updateOne({ _id: walletId }, { $inc: { balance: amount } }, { session });
      await TransactionLogModel.create([{ wallet: walletId, amount, type: 'credit' }], { session });
      await session.commitTransaction();
    } catch (error) {
      await session.abortTransaction();
      throw error;
    } finally {
      await session.endSession();
    }
  }
}
