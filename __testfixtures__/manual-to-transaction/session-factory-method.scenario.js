const topUp = (user, amount) => ({ call: 'WalletService#topUp', construct: () => [], args: [user, amount] });

const ts = {
  seed: { Wallet: [{ user: 'ann', balance: 50 }] },
  paths: {
    normal: [topUp('ann', 30)],
    'wallet missing': [topUp('carl', 30)],
  },
};

module.exports = { ts };
