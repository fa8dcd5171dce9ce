import { WalletModel } from '../models/wallet.model';

class WalletRepo {
  async findOne(user: string, currency: string) {
    return WalletModel.findOne({ user, currency });
  }

  async sessionStart() {
    return await WalletModel.startSession();
  }
}

export default WalletRepo;
