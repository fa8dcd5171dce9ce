const { id, req, res } = require('../../test/harness/simulation/kit');

const checkout = (product, quantity) => ({ call: 'checkout', args: [req({ body: { productId: id(product), quantity } }), res()] });

const js = {
  modules: {
    '../models/product': (mongoose) => mongoose.model('Product', new mongoose.Schema({ name: String, stock: Number })),
    '../models/order': (mongoose) =>
      mongoose.model('Order', new mongoose.Schema({ product: mongoose.Schema.Types.ObjectId, quantity: { type: Number, min: 1 } })),
  },
  seed: { Product: [{ _id: 'pen', name: 'pen', stock: 5 }] },
  paths: {
    normal: [checkout('pen', 2)],
    'product not found': [checkout('ink', 1)],
    'out of stock': [checkout('pen', 9)],
    'invalid quantity': [checkout('pen', 0)],
  },
};

const book = (seat) => ({
  call: 'BookingService#book',
  construct: ({ mongoose, model }) => [mongoose.connection, model('Seat')],
  args: [id(seat), 'ann'],
});

const ts = {
  setup: ({ mongoose }) => mongoose.model('Seat', new mongoose.Schema({ free: Boolean })),
  seed: { Seat: [{ _id: 'a1', free: true }, { _id: 'a2', free: false }] },
  paths: {
    normal: [book('a1')],
    missing: [book('a9')],
    taken: [book('a2')],
  },
};

module.exports = { js, ts };
