const { id, req, res } = require('../../test/harness/simulation/kit');

const release = (razorpayOrderId) => ({ call: 'releaseLockedStock', args: [req({ body: { razorpayOrderId } }), res()] });

module.exports = {
  modules: {
    '../models/order': (mongoose) =>
      mongoose.model('Order', new mongoose.Schema({
        razorpayOrderId: String,
        products: [{ product: mongoose.Schema.Types.ObjectId, quantity: Number }],
        status: String,
      })),
    '../models/product': (mongoose) => mongoose.model('Product', new mongoose.Schema({ name: String, stock: Number })),
  },
  seed: {
    Product: [{ _id: 'pen', name: 'pen', stock: 1 }],
    Order: [{ _id: 'o1', razorpayOrderId: 'rzp_1', products: [{ product: id('pen'), quantity: 2 }, { product: id('gone'), quantity: 1 }], status: 'Pending' }],
  },
  paths: {
    normal: [release('rzp_1')],
    'order not found': [release('rzp_2')],
  },
};
