const { id, req, res, next } = require('../../test/harness/simulation/kit');

const checkout = (items) => ({ call: 'checkout', args: [req({ body: { items }, user: { id: 'ann' } }), res(), next()] });

const js = {
  modules: {
    '../models/order': (mongoose) =>
      mongoose.model('Order', new mongoose.Schema({ user: String, items: [{ product: mongoose.Schema.Types.ObjectId, qty: Number }] })),
    '../models/product': (mongoose) => mongoose.model('Product', new mongoose.Schema({ name: String, stock: Number })),
  },
  seed: { Product: [{ _id: 'pen', name: 'pen', stock: 5 }] },
  paths: {
    normal: [checkout([{ product: id('pen'), qty: 2 }])],
    'empty cart': [checkout([])],
  },
};

const transfer = (request) => ({
  call: 'TransferService#transfer',
  construct: ({ mongoose, model }) => [mongoose.connection, model('Account')],
  args: [request],
});

const ts = {
  setup: ({ mongoose }) => mongoose.model('Account', new mongoose.Schema({ owner: String, balance: Number })),
  seed: { Account: [{ owner: 'ann', balance: 50 }, { owner: 'bob', balance: 5 }] },
  paths: {
    normal: [transfer({ from: 'ann', to: 'bob', amount: 30 })],
    'amount not positive': [transfer({ from: 'ann', to: 'bob', amount: 0 })],
    'invalid owner': [transfer({ from: { $bad: 1 }, to: 'bob', amount: 30 })],
  },
};

module.exports = { js, ts };
