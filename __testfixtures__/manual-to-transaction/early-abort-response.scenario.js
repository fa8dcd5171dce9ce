const { id, req, res } = require('../../test/harness/simulation/kit');

module.exports = {
  modules: {
    '../models/order': (mongoose) =>
      mongoose.model('Order', new mongoose.Schema({ items: [{ product: mongoose.Schema.Types.ObjectId, quantity: Number }], status: String })),
    '../models/product': (mongoose) => mongoose.model('Product', new mongoose.Schema({ name: String, stock: Number })),
  },
  seed: {
    Product: [{ _id: 'pen', name: 'pen', stock: 1 }, { _id: 'ink', name: 'ink', stock: 0 }],
    Order: [{ _id: 'o1', items: [{ product: id('pen'), quantity: 2 }, { product: id('ink'), quantity: 3 }], status: 'locked' }],
  },
  paths: {
    normal: [{ call: 'releaseStock', args: [req({ params: { id: id('o1') } }), res()] }],
    'order not found': [{ call: 'releaseStock', args: [req({ params: { id: id('o2') } }), res()] }],
  },
};
