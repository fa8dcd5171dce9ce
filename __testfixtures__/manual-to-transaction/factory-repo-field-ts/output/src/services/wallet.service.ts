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

    const log = await WalletModel.db.transaction(async (session) => {
      await WalletModel.updateOne({ _id: wallet._id }, { $inc: { balance: amount } }, { session });
      const [log] = await TransactionLogModel.create([{ wallet: String(wallet._id), amount, type: 'credit' }], { session });
      return log;
    });

    return log;
  }
}

export default WalletService;
