const { id, req, res } = require('../../test/harness/simulation/kit');

const line = (product, quantity, price) => ({ product: id(product), quantity, price });

module.exports = {
  modules: {
    '../models/cart': (mongoose) =>
      mongoose.model('Cart', new mongoose.Schema({ user: String, items: [{ product: mongoose.Schema.Types.ObjectId, quantity: Number, price: Number }] })),
    '../models/product': (mongoose) => mongoose.model('Product', new mongoose.Schema({ name: String, stock: { type: Number, min: 0 } })),
    '../models/order': (mongoose) =>
      mongoose.model('Order', new mongoose.Schema({ user: String, lines: [{ product: mongoose.Schema.Types.ObjectId, quantity: Number, price: Number }], total: Number })),
  },
  seed: {
    Product: [{ _id: 'pen', name: 'pen', stock: 5 }, { _id: 'ink', name: 'ink', stock: 1 }],
    Cart: [
      { _id: 'ann-cart', user: 'ann', items: [line('pen', 2, 3), line('ink', 1, 10), line('pen', 0, 3)] },
      { _id: 'bob-cart', user: 'bob', items: [line('pen', 1, 3), line('gone', 1, 5)] },
      { _id: 'cy-cart', user: 'cy', items: [line('ink', 4, 10)] },
    ],
  },
  paths: {
    normal: [{ call: 'checkout', args: [req({ user: { id: 'ann' } }), res()] }],
    'product gone': [{ call: 'checkout', args: [req({ user: { id: 'bob' } }), res()] }],
    'not enough stock': [{ call: 'checkout', args: [req({ user: { id: 'cy' } }), res()] }],
    'no cart': [{ call: 'checkout', args: [req({ user: { id: 'dan' } }), res()] }],
  },
};
