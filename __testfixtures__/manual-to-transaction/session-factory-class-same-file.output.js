const Wallet = require('../models/wallet');
const Ledger = require('../models/ledger');

class SessionSource {
  async open() {
    return Wallet.startSession();
  }
}

class WalletService {
  constructor() {
    this.sessions = new SessionSource();
  }

  async topUp(userId, amount) {
    const wallet = await Wallet.db.transaction(async (session) => {
      const wallet = await Wallet.findOneAndUpdate({ user: userId }, { $inc: { balance: amount } }, { new: true, session });
      if (!wallet) throw new Error('Wallet not found');
      await Ledger.create([{ from: 'bank', to: userId, amount }], { session });
      return wallet;
    });
    return wallet.balance;
  }
}

module.exports = { SessionSource, WalletService };
