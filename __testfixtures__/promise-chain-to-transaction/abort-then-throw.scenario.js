const { id, req, res, next } = require('../../test/harness/simulation/kit');

const checkout = (user) => ({ call: 'checkout', args: [req({ user: { id: user } }), res(), next()] });

const js = {
  modules: {
    '../models/cart': (mongoose) => mongoose.model('Cart', new mongoose.Schema({ user: String, items: [{ product: mongoose.Schema.Types.ObjectId, quantity: Number }], status: String })),
    '../models/product': (mongoose) => mongoose.model('Product', new mongoose.Schema({ name: String, stock: Number })),
  },
  seed: {
    Product: [{ _id: 'pen', name: 'pen', stock: 5 }, { _id: 'ink', name: 'ink', stock: 1 }],
    Cart: [
      { user: 'ann', items: [{ product: id('pen'), quantity: 2 }], status: 'open' },
      { user: 'bob', items: [{ product: id('pen'), quantity: 1 }, { product: id('ink'), quantity: 3 }], status: 'open' },
    ],
  },
  paths: {
    normal: [checkout('ann')],
    'out of stock': [checkout('bob')],
  },
};

const ts = {
  seed: { Seat: [{ show: 'gala', number: 1 }, { show: 'gala', number: 2, holder: 'bob' }] },
  paths: {
    normal: [{ call: 'bookSeat', args: ['gala', 1, 'ann'] }],
    'seat taken': [{ call: 'bookSeat', args: ['gala', 2, 'ann'] }],
    'seat missing': [{ call: 'bookSeat', args: ['gala', 9, 'ann'] }],
  },
};

module.exports = { js, ts };
