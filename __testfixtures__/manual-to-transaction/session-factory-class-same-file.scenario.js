const topUp = (user, amount) => ({ call: "WalletService#topUp", args: [user, amount] });

const js = {
  modules: {
    '../models/wallet': (mongoose) => mongoose.model('Wallet', new mongoose.Schema({ user: String, balance: Number })),
    '../models/ledger': (mongoose) => mongoose.model('Ledger', new mongoose.Schema({ from: String, to: String, amount: Number })),
  },
  seed: { Wallet: [{ user: 'ann', balance: 50 }] },
  paths: {
    normal: [topUp('ann', 30)],
    'wallet missing': [topUp('carl', 30)],
  },
};

module.exports = { js };
