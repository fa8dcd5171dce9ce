const { id, req, res } = require('../../test/harness/simulation/kit');

const js = {
  modules: {
    '../models/order': (mongoose) => mongoose.model('Order', new mongoose.Schema({ status: { type: String, enum: ['new', 'paid', 'shipped'] } })),
  },
  seed: { Order: [{ _id: 'o1', status: 'new' }, { _id: 'o2', status: 'new' }] },
  paths: {
    normal: [{ call: 'updateStatuses', args: [req({ body: { items: [{ id: id('o1'), status: 'paid' }, { id: id('o2'), status: 'shipped' }] } }), res()] }],
    'invalid status': [{ call: 'updateStatuses', args: [req({ body: { items: [{ id: id('o1'), status: 'paid' }, { id: id('o2'), status: 'lost' }] } }), res()] }],
  },
};

const restock = (lines) => ({
  call: 'RestockService#restock',
  construct: ({ mongoose, model }) => [mongoose.connection, model('Stock')],
  args: [lines],
});

const ts = {
  setup: ({ mongoose }) => mongoose.model('Stock', new mongoose.Schema({ sku: String, available: { type: Number, min: 0 } })),
  seed: { Stock: [{ sku: 'pen', available: 1 }, { sku: 'ink', available: 2 }] },
  paths: {
    normal: [restock([{ sku: 'pen', qty: 5 }, { sku: 'ink', qty: 1 }])],
  },
};

module.exports = { js, ts };
