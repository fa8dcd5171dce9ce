const { id, req, res } = require('../../test/harness/simulation/kit');

const checkout = (product, quantity) => ({
  call: 'checkout',
  args: [req({ body: { productId: id(product), quantity }, user: { email: 'ann@x.test' } }), res()],
});

const js = {
  modules: {
    '../models/order': (mongoose) => mongoose.model('Order', new mongoose.Schema({ product: mongoose.Schema.Types.ObjectId, quantity: Number })),
    '../models/product': (mongoose) => mongoose.model('Product', new mongoose.Schema({ name: String, stock: Number })),
    '../lib/mailer': (mongoose, { effect }) => ({ sendReceipt: async (to, order) => effect('receipt', to, String(order)) }),
  },
  seed: { Product: [{ _id: 'pen', name: 'pen', stock: 5 }] },
  paths: {
    normal: [checkout('pen', 2)],
    'out of stock': [checkout('pen', 9)],
  },
};

module.exports = { js };
