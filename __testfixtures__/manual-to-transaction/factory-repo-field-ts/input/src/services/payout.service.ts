import WalletRepo from '../repositories/wallet.repo';
import { TransactionLogModel } from '../models/wallet.model';

class PayoutService {
  private walletRepo: WalletRepo;

  constructor() {
    this.walletRepo = new WalletRepo();
  }

  async payout(walletId: string, amount: number) {
    const session = await this.walletRepo.sessionStart();
    session.startTransaction();
    try {
      const [log] = await TransactionLogModel.create([{ wallet: walletId, amount, type: 'debit' }], { session });
      await session.commitTransaction();
      session.endSession();
      return log;
    } catch (error) {
      await session.abortTransaction();
      session.endSession();
      throw error;
    }
  }

  async refund(userId: string, amount: number, currency: string) {
    const wallet = await this.walletRepo.findOne(userId, currency);
    if (!wallet) {
      throw new Error('Wallet not found');
    }

    const session = await this.walletRepo.sessionStart();
    session.startTransaction();
    try {
      wallet.balance += amount;
      await wallet.save({ session });
      await TransactionLogModel.create([{ wallet: String(wallet._id), amount, type: 'credit' }], { session });
      await session.commitTransaction();
      session.endSession();
      return wallet.balance;
    } catch (error) {
      await session.abortTransaction();
      session.endSession();
      throw new Error('Unable to complete refund');
    }
  }
}

export default PayoutService;
