const topUp = (user, amount) => ({ call: 'WalletService#topUp', construct: () => [], args: [user, amount] });

const ts = {
  modules: {
    '../models/wallet': (mongoose) => ({ Wallet: mongoose.model('Wallet', new mongoose.Schema({ user: String, balance: Number })) }),
    '../models/ledger': (mongoose) => ({ Ledger: mongoose.model('Ledger', new mongoose.Schema({ from: String, to: String, amount: Number })) }),
  },
  seed: { Wallet: [{ user: 'ann', balance: 50 }] },
  paths: {
    normal: [topUp('ann', 30)],
    'wallet missing': [topUp('carl', 30)],
  },
};

module.exports = { ts };
