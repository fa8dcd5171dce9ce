const { id, req, res } = require('../../test/harness/simulation/kit');

const purchase = (mongoose) => mongoose.model('Purchase', new mongoose.Schema({ product: String, qty: { type: Number, min: 1 } }));
const product = (mongoose) => mongoose.model('Product', new mongoose.Schema({ name: String, stock: Number }));

const paths = {
  normal: [{ call: 'create', args: [req({ body: { product: id('pen'), qty: 2 } }), res()] }],
  'invalid purchase': [{ call: 'create', args: [req({ body: { product: id('pen'), qty: 0 } }), res()] }],
};
const seed = { Product: [{ _id: 'pen', name: 'pen', stock: 5 }] };

module.exports = {
  js: { modules: { '../models/Purchases.js': purchase, '../models/Products.js': product }, seed, paths },
  ts: { seed, paths },
};
