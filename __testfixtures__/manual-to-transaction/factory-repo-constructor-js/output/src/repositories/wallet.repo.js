const Wallet = require('../models/wallet.model');

class WalletRepo {
  async findOne(user, currency) {
    return Wallet.findOne({ user, currency });
  }

  async sessionStart() {
    return await Wallet.startSession();
  }
}

module.exports = WalletRepo;
