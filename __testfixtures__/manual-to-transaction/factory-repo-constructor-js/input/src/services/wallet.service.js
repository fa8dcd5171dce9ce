const mongoose = require('mongoose');
const WalletRepo = require('../repositories/wallet.repo');
const TransactionLog = require('../models/transaction-log.model');

class WalletService {
  constructor() {
    this.walletRepo = new WalletRepo();
  }

  async payout(walletId, amount) {
    const session = await this.walletRepo.sessionStart();
    session.startTransaction();
    try {
      const [log] = await TransactionLog.create([{ wallet: walletId, amount, type: 'debit' }], { session });
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

module.exports = WalletService;
