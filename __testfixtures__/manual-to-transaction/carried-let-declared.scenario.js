const { req, res } = require('../../test/harness/simulation/kit');

const checkout = (user) => ({ call: 'checkout', args: [req({ user: { id: user } }), res()] });
const place = (sku, qty) => ({ call: 'OrdersService#place', construct: ({ mongoose, model }) => [mongoose.connection, model('Order')], args: [sku, qty] });

module.exports = {
  js: {
    modules: {
      '../models/cart': (mongoose) => mongoose.model('Cart', new mongoose.Schema({ user: String, items: [String] })),
      '../models/order': (mongoose) => mongoose.model('Order', new mongoose.Schema({ user: String, items: [String], status: String })),
    },
    seed: { Cart: [{ user: 'ann', items: ['pen'] }], Order: [{ user: 'bob', items: ['ink'], status: 'open' }] },
    paths: {
      normal: [checkout('ann')],
      'no cart': [checkout('bob')],
    },
  },
  ts: {
    setup: ({ mongoose }) => mongoose.model('Order', new mongoose.Schema({ sku: String, qty: Number })),
    seed: { Order: [{ sku: 'pen', qty: 1 }] },
    paths: {
      normal: [place('ink', 2)],
      'existing order': [place('pen', 3)],
    },
  },
};
