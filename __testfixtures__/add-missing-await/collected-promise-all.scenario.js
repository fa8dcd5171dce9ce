const { req, res } = require('../../test/harness/simulation/kit');

const js = {
  modules: {
    '../models/stock': (mongoose) => mongoose.model('Stock', new mongoose.Schema({ sku: String, qty: Number })),
    '../models/order': (mongoose) => mongoose.model('Order', new mongoose.Schema({ user: String, lines: [{ sku: String, qty: Number }] })),
  },
  seed: { Stock: [{ sku: 'pen', qty: 5 }, { sku: 'ink', qty: 3 }] },
  paths: {
    normal: [{ call: 'checkout', args: [req({ body: { lines: [{ sku: 'pen', qty: 2 }, { sku: 'ink', qty: 1 }] }, user: { id: 'ann' } }), res()] }],
  },
};

module.exports = { js };
