const { id, req, res } = require('../../test/harness/simulation/kit');

const book = (seats) => ({ call: 'bookSeats', args: [req({ body: { seats: seats.map(id) }, user: { id: 'ann' } }), res()] });

const js = {
  modules: {
    '../models/booking': (mongoose) => mongoose.model('Booking', new mongoose.Schema({ user: String, seats: [mongoose.Schema.Types.ObjectId], total: Number })),
    '../models/seat': (mongoose) => mongoose.model('Seat', new mongoose.Schema({ label: String, price: Number, bookedBy: mongoose.Schema.Types.ObjectId })),
  },
  seed: {
    Seat: [
      { _id: 'a1', label: 'A1', price: 40, bookedBy: null },
      { _id: 'a2', label: 'A2', price: 35, bookedBy: null },
      { _id: 'a3', label: 'A3', price: 30, bookedBy: 'other' },
    ],
  },
  paths: {
    normal: [book(['a1', 'a2']), { call: 'releaseSeats', args: [id('other'), [id('a3'), id('a1')]] }],
    'a seat is taken': [book(['a1', 'a3'])],
  },
};

const service = ({ mongoose, model }) => [mongoose.connection, model('Product'), model('Order')];
const place = (customer, lines) => ({ call: 'OrdersService#place', construct: service, args: [customer, lines] });
const restock = (lines) => ({ call: 'OrdersService#restock', construct: service, args: [lines] });

const ts = {
  setup: ({ mongoose }) => {
    mongoose.model('Product', new mongoose.Schema({ sku: String, price: Number, stock: { type: Number, min: 0 } }));
    mongoose.model('Order', new mongoose.Schema({ customer: String, total: Number }));
  },
  seed: { Product: [{ sku: 'pen', price: 2, stock: 5 }, { sku: 'ink', price: 7, stock: 1 }] },
  paths: {
    normal: [place('ann', [{ sku: 'pen', quantity: 2 }, { sku: 'ink', quantity: 1 }]), restock([{ sku: 'pen', quantity: 3 }, { sku: 'ink', quantity: 0 }, { sku: 'ink', quantity: 4 }])],
    'out of stock': [place('bob', [{ sku: 'pen', quantity: 1 }, { sku: 'ink', quantity: 2 }])],
  },
};

module.exports = { js, ts };
