const { id, req, res } = require('../../test/harness/simulation/kit');

const sell = (items) => ({ call: 'createSale', args: [req({ body: { customer: 'ann', items: items.map(([product, qty]) => ({ product: id(product), qty })) } }), res()] });

const js = {
  modules: {
    '../models/product': (mongoose) => mongoose.model('Product', new mongoose.Schema({ name: String, price: Number, stock: Number })),
    '../models/sale': (mongoose) =>
      mongoose.model('Sale', new mongoose.Schema({ customer: String, lines: [{ product: mongoose.Schema.Types.ObjectId, qty: Number, price: Number }] })),
  },
  seed: { Product: [{ _id: 'pen', name: 'pen', price: 2, stock: 5 }, { _id: 'ink', name: 'ink', price: 7, stock: 1 }] },
  paths: {
    normal: [sell([['pen', 2], ['ink', 1]]), { call: 'quote', args: [[{ product: id('ink') }, { product: id('pen') }]] }],
    'out of stock': [sell([['pen', 1], ['ink', 3]])],
  },
};

const book = (guest, requests) => ({
  call: 'BookingService#book',
  construct: ({ mongoose, model }) => [mongoose.connection, model('Room')],
  args: ['sea', guest, requests],
});

const ts = {
  setup: ({ mongoose }) => mongoose.model('Room', new mongoose.Schema({ hotel: String, number: String, nightly: Number, bookedFor: { type: String, default: null } })),
  seed: {
    Room: [
      { hotel: 'sea', number: '101', nightly: 90, bookedFor: null },
      { hotel: 'sea', number: '102', nightly: 120, bookedFor: null },
      { hotel: 'sea', number: '103', nightly: 80, bookedFor: 'cy' },
    ],
  },
  paths: {
    normal: [book('ann', [{ number: '101', nights: 2 }, { number: '102', nights: 0 }])],
    'a room is taken': [book('bob', [{ number: '102', nights: 1 }, { number: '103', nights: 3 }])],
  },
};

module.exports = { js, ts };
