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
    const session = await this.sessions.open();
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

module.exports = { SessionSource, WalletService };
