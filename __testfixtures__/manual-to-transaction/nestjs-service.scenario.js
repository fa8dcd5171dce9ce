const transfer = (from, to, amount) => ({
  call: 'WalletService#transfer',
  construct: ({ mongoose, model }) => [mongoose.connection, model('Wallet')],
  args: [from, to, amount],
});

module.exports = {
  setup: ({ mongoose }) => mongoose.model('Wallet', new mongoose.Schema({ owner: String, balance: { type: Number, min: 0 } })),
  seed: { Wallet: [{ owner: 'ann', balance: 50 }, { owner: 'bob', balance: 5 }] },
  paths: {
    normal: [transfer('ann', 'bob', 30)],
    'two transfers': [transfer('ann', 'bob', 30), transfer('bob', 'ann', 35)],
  },
};
