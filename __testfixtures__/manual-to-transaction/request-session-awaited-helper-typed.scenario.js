const { req, res } = require('../../test/harness/simulation/kit');

module.exports = {
  modules: {
    '../models/order': (mongoose) => ({ Order: mongoose.model('Order', new mongoose.Schema({ sku: String, qty: { type: Number, required: true, min: 1 } })) }),
    '../models/product': (mongoose) => ({ Product: mongoose.model('Product', new mongoose.Schema({ sku: String, stock: Number })) }),
  },
  seed: { Product: [{ _id: 'lamp', sku: 'lamp', stock: 5 }] },
  paths: {
    normal: [{ call: 'createOrder', args: [req({ body: { sku: 'lamp', qty: 2 } }), res()] }],
    // The order fails validation after the stock was taken: the abort gives it back.
    'invalid quantity': [{ call: 'createOrder', args: [req({ body: { sku: 'lamp', qty: 0 } }), res()] }],
  },
};
