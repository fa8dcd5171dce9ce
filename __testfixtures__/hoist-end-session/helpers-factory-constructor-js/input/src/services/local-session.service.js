const Wallet = require('../models/wallet.model');

// A session source of this file, held on the instance.
class LocalSessions {
  async open() {
    return Wallet.startSession();
  }
}

class TopUpService {
  constructor() {
    this.local = new LocalSessions();
  }

  async topUp(walletId, amount) {
    const session = await this.local.open();
    session.startTransaction();
    try {
      const wallet = await Wallet.findByIdAndUpdate(walletId, { $inc: { balance: amount } }, { new: true, session });
      await session.commitTransaction();
      session.endSession();
      return { balance: wallet.balance, at: new Date().toISOString() };
    } catch (error) {
      await session.abortTransaction();
      session.endSession();
      throw error;
    }
  }
}

module.exports = TopUpService;
