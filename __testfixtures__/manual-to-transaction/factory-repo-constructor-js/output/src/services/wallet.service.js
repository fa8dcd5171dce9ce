const mongoose = require('mongoose');
const WalletRepo = require('../repositories/wallet.repo');
const TransactionLog = require('../models/transaction-log.model');

class WalletService {
  constructor() {
    this.walletRepo = new WalletRepo();
  }

  async payout(walletId, amount) {
    const log = await mongoose.connection.transaction(async (session) => {
      const [log] = await TransactionLog.create([{ wallet: walletId, amount, type: 'debit' }], { session });
      return log;
    });
    return log;
  }
}

module.exports = WalletService;
