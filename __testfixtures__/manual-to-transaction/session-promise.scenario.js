const { id, req, res, next } = require('../../test/harness/simulation/kit');

const checkout = (items) => ({ call: 'checkout', args: [req({ body: { items }, user: { id: 'ann' } }), res(), next()] });

const js = {
  modules: {
    '../models/order': (mongoose) => mongoose.model('Order', new mongoose.Schema({ user: String, items: [{ product: mongoose.Schema.Types.ObjectId, qty: Number }] })),
    '../models/product': (mongoose) => mongoose.model('Product', new mongoose.Schema({ name: String, stock: { type: Number, min: 0 } })),
  },
  seed: { Product: [{ _id: 'pen', name: 'pen', stock: 5 }, { _id: 'ink', name: 'ink', stock: 1 }] },
  paths: {
    normal: [checkout([{ product: id('pen'), qty: 2 }])],
    'out of stock': [checkout([{ product: id('pen'), qty: 1 }, { product: id('ink'), qty: 3 }])],
    'empty cart': [checkout([])],
  },
};

const redeem = (user, points) => ({
  call: 'RewardsService#redeem',
  construct: ({ mongoose, model }) => [mongoose.connection, model('Profile'), model('Reward')],
  args: [user, points],
});

const ts = {
  setup: ({ mongoose }) => {
    mongoose.model('Profile', new mongoose.Schema({ user: String, points: { type: Number, min: 0 } }));
    mongoose.model('Reward', new mongoose.Schema({ user: String, points: Number }));
  },
  seed: { Profile: [{ user: 'ann', points: 50 }] },
  paths: {
    normal: [redeem('ann', 20)],
    'not enough points': [redeem('ann', 80)],
    'no profile': [redeem('bob', 10)],
  },
};

module.exports = { js, ts };
