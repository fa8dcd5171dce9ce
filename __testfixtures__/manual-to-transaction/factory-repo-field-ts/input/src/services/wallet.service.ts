import WalletRepo from '../repositories/wallet.repo';
import { TransactionLogModel, WalletModel } from '../models/wallet.model';

class WalletService {
  private walletRepo: WalletRepo;

  constructor() {
    this.walletRepo = new WalletRepo();
  }

  async deposit(userId: string, amount: number, currency: string) {
    const wallet = await this.walletRepo.findOne(userId, currency);
    if (!wallet) {
      throw new Error('Wallet not found');
    }

    const session = await this.walletRepo.sessionStart();
    session.startTransaction();

    try {
      await WalletModel.updateOne({ _id: wallet._id }, { $inc: { balance: amount } }, { session });
      const [log] = await TransactionLogModel.create([{ wallet: String(wallet._id), amount, type: 'credit' }], { session });

      await session.commitTransaction();
      session.endSession();
      return log;
    } catch (error) {
      await session.abortTransaction();
      session.endSession();
      throw error;
    }
  }
}

export default WalletService;
