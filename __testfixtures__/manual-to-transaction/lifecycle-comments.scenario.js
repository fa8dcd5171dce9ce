const { id, req, res } = require('../../test/harness/simulation/kit');

module.exports = {
  modules: {
    '../models/orderModel.js': (mongoose) =>
      mongoose.model('Order', new mongoose.Schema({
        user: String,
        orderItems: [{ product: mongoose.Schema.Types.ObjectId, quantity: Number }],
      })),
    '../models/productModel.js': (mongoose) =>
      mongoose.model('Product', new mongoose.Schema({ name: String, stock: Number })),
  },
  seed: { Product: [{ _id: 'pen', name: 'pen', stock: 5 }] },
  paths: {
    normal: [{ call: 'createOrder', args: [req({ body: { user: 'ann', orderItems: [{ product: id('pen'), quantity: 2 }] } }), res()] }],
    'invalid order': [{ call: 'createOrder', args: [req({ body: { user: 'ann', orderItems: [{ product: 'not-an-id', quantity: 2 }] } }), res()] }],
  },
};
