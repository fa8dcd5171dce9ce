const { id, req, res } = require('../../test/harness/simulation/kit');

const payout = (items) => ({ call: 'payout', args: [req({ body: { items: items.map(([wallet, amount]) => ({ wallet: id(wallet), amount })) }, user: { id: 'ops' } }), res()] });

const js = {
  modules: {
    '../models/wallet': (mongoose) => mongoose.model('Wallet', new mongoose.Schema({ owner: String, balance: Number })),
    '../models/payout': (mongoose) => mongoose.model('Payout', new mongoose.Schema({ user: String, total: Number })),
  },
  seed: { Wallet: [{ _id: 'ann', owner: 'ann', balance: 50 }, { _id: 'bob', owner: 'bob', balance: 10 }] },
  paths: {
    normal: [payout([['ann', 20], ['bob', 5]])],
    'a wallet cannot pay': [payout([['ann', 20], ['bob', 15]])],
  },
};

const settle = (batch) => ({
  call: 'LedgerService#settle',
  construct: ({ mongoose, model }) => [mongoose.connection, model('Wallet')],
  args: [batch],
});

const ts = {
  setup: ({ mongoose }) => mongoose.model('Wallet', new mongoose.Schema({ owner: String, balance: Number })),
  seed: { Wallet: [{ owner: 'ann', balance: 50 }, { owner: 'bob', balance: 10 }, { owner: 'cy', balance: 0 }] },
  paths: {
    normal: [settle([{ from: 'ann', to: 'cy', amount: 20 }, { from: 'bob', to: 'cy', amount: 5 }])],
    'a sender cannot pay': [settle([{ from: 'ann', to: 'cy', amount: 20 }, { from: 'bob', to: 'cy', amount: 50 }])],
  },
};

module.exports = { js, ts };
