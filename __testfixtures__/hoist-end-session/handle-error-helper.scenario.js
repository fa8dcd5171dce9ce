const { id, req, res } = require('../../test/harness/simulation/kit');

const js = {
  modules: {
    '../models/order': (mongoose) =>
      mongoose.model('Order', new mongoose.Schema({ product: mongoose.Schema.Types.ObjectId, qty: Number, user: String, status: String })),
    '../models/product': (mongoose) => mongoose.model('Product', new mongoose.Schema({ name: String, stock: { type: Number, min: 0 } })),
  },
  seed: { Product: [{ _id: 'pen', name: 'pen', stock: 5 }], Order: [{ _id: 'o1', qty: 1, user: 'ann', status: 'new' }] },
  paths: {
    normal: [
      { call: 'createOrder', args: [req({ body: { product: id('pen'), qty: 2 } }), res()] },
      { call: 'cancelOrder', args: [req({ params: { id: id('o1') } }), res()] },
      { call: 'listOrders', args: [req({ user: { id: 'ann' } }), res()] },
    ],
    'out of stock': [{ call: 'createOrder', args: [req({ body: { product: id('pen'), qty: 9 } }), res()] }],
    'no such product': [{ call: 'createOrder', args: [req({ body: { product: id('ink'), qty: 1 } }), res()] }],
  },
};

module.exports = { js };
