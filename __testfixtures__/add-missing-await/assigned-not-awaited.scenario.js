const { id, req, res } = require('../../test/harness/simulation/kit');

const order = (product, qty) => ({ call: 'placeOrder', args: [req({ body: { product: id(product), qty } }), res()] });

const awaited = 'the input reads created[0] from a promise (the order is missing from the response) and never waits for product.save(), so a failing save is an unhandled rejection and the order is committed anyway; the output awaits both';

const js = {
  modules: {
    '../models/product': (mongoose) => mongoose.model('Product', new mongoose.Schema({ name: String, stock: { type: Number, min: 0 } })),
    '../models/order': (mongoose) => mongoose.model('Order', new mongoose.Schema({ product: mongoose.Schema.Types.ObjectId, qty: Number })),
  },
  seed: { Product: [{ _id: 'pen', name: 'pen', stock: 5 }] },
  paths: {
    normal: [order('pen', 2)],
    'out of stock': [order('pen', 9)],
  },
  differences: {
    normal: { calls: awaited },
    'out of stock': { calls: awaited, data: awaited },
    'transient-commit': { calls: awaited },
  },
};

module.exports = { js };
