const { id, req, res } = require('../../test/harness/simulation/kit');

module.exports = {
  modules: {
    '../models/order': (mongoose) =>
      mongoose.model('Order', new mongoose.Schema({ product: mongoose.Schema.Types.ObjectId, quantity: Number })),
    '../models/product': (mongoose) => mongoose.model('Product', new mongoose.Schema({ name: String, stock: Number })),
  },
  seed: { Product: [{ _id: 'pen', name: 'pen', stock: 5 }] },
  paths: {
    normal: [{ call: 'createOrder', args: [req({ body: { productId: id('pen'), quantity: 2 } }), res()] }],
    'out of stock': [{ call: 'createOrder', args: [req({ body: { productId: id('pen'), quantity: 9 } }), res()] }],
    'no such product': [{ call: 'createOrder', args: [req({ body: { productId: id('ink'), quantity: 1 } }), res()] }],
  },
};
