const { id, req, res } = require('../../test/harness/simulation/kit');

module.exports = {
  modules: {
    '../models/order': (mongoose) =>
      mongoose.model('Order', new mongoose.Schema({ status: String, product: mongoose.Schema.Types.ObjectId, archived: Boolean })),
    '../models/product': (mongoose) => mongoose.model('Product', new mongoose.Schema({ name: String, reserved: Number, discontinued: Boolean })),
  },
  seed: {
    Product: [
      { _id: 'pen', name: 'pen', reserved: 2, discontinued: false },
      { _id: 'ink', name: 'ink', reserved: 1, discontinued: true },
      { _id: 'pad', name: 'pad', reserved: 4, discontinued: false },
    ],
    Order: [
      { _id: 'o1', status: 'stale', product: id('pen'), archived: false },
      { _id: 'o2', status: 'stale', product: id('pad'), archived: false },
      { _id: 'o3', status: 'open', product: id('ink'), archived: false },
    ],
  },
  paths: {
    normal: [{ call: 'archiveStale', args: [req(), res()] }],
    'with a limit': [{ call: 'archiveStale', args: [req({ query: { limit: '1' } }), res()] }],
    'discontinued products': [{ call: 'archiveStale', args: [req({ query: { discontinued: '1' } }), res()] }],
  },
};
