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

module.exports = { js };
