const transfer = (from, to, amount) => ({ call: 'transferFunds', args: [{ fromUserId: from, toUserId: to, amount }] });
const reserve = (items) => ({ call: 'reserveItems', args: ['order-1', items] });

const js = {
  modules: {
    '../models/wallet': (mongoose) => mongoose.model('Wallet', new mongoose.Schema({ user: String, balance: Number })),
    '../models/ledger': (mongoose) => mongoose.model('Ledger', new mongoose.Schema({ from: String, to: String, amount: Number })),
    '../models/stock': (mongoose) => mongoose.model('Stock', new mongoose.Schema({ sku: String, available: Number })),
    '../utils/api-error': () =>
      class ApiError extends Error {
        constructor(status, message) {
          super(message);
          this.status = status;
        }
      },
  },
  seed: {
    Wallet: [{ user: 'ann', balance: 50 }, { user: 'bob', balance: 5 }],
    Stock: [{ sku: 'pen', available: 3 }, { sku: 'ink', available: 0 }],
  },
  paths: {
    normal: [transfer('ann', 'bob', 30), reserve([{ sku: 'pen', qty: 2 }])],
    'insufficient balance': [transfer('bob', 'ann', 30)],
    'recipient missing': [transfer('ann', 'carl', 30)],
    'short item in the loop': [reserve([{ sku: 'pen', qty: 2 }, { sku: 'ink', qty: 1 }])],
  },
  // transferFunds' catch aborts again after the explicit abort, so the input itself throws "Cannot call
  // abortTransaction twice"; inside transaction() the business error reaches the caller.
  differences: {
    'insufficient balance': { calls: 'the input masks the business error with "Cannot call abortTransaction twice"; the output throws it' },
    'recipient missing': { calls: 'the input masks the business error with "Cannot call abortTransaction twice"; the output throws it' },
  },
};

const pay = (payer, payee, amount) => ({
  call: 'PaymentsService#pay',
  construct: ({ mongoose, model }) => [mongoose.connection, model('Account')],
  args: [payer, payee, amount],
});

const ts = {
  setup: ({ mongoose }) => mongoose.model('Account', new mongoose.Schema({ owner: String, balance: Number })),
  seed: { Account: [{ owner: 'ann', balance: 50 }, { owner: 'bob', balance: 5 }] },
  paths: {
    normal: [pay('ann', 'bob', 30)],
    'insufficient balance': [pay('bob', 'ann', 30)],
    'payer missing': [pay('carl', 'ann', 30)],
  },
};

module.exports = { js, ts };
