const WalletRepo = require('../repositories/wallet.repo');
const TransactionLog = require('../models/transaction-log.model');

class RefundService {
  constructor() {
    this.walletRepo = new WalletRepo();
  }

  async refund(walletId, amount) {
    const session = await this.walletRepo.sessionStart();
    session.startTransaction();
    try {
      await TransactionLog.create([{ wallet: walletId, amount, type: 'credit' }], { session });
      await session.commitTransaction();
    } catch (error) {
      if (session.inTransaction()) await session.abortTransaction();
      throw error;
    } finally {
      await session.endSession();
    }
  }
}

module.exports = RefundService;
