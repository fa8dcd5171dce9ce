const { id, req, res, next } = require('../../test/harness/simulation/kit');

// The controller's routes, called as Express would: the stub router keeps each handler by path.
const route = (path, body) => async ({ exports }) => exports.routes[path](req({ params: { id: id('o1') }, body }), res(), next());
const lines = [{ order: id('o1'), sku: 'pen', quantity: 2 }, { order: id('o1'), sku: 'ink', quantity: 1, damaged: true }, { order: id('o1'), sku: 'cap', quantity: 1 }];

// Run in parallel on one session, the reservations land in whatever order their operations interleave.
const interleaved = 'the input pushes the reserved skus in the order its parallel operations happened to finish; the output reserves them in the order of the lines';

const js = {
  modules: {
    express: () => ({ Router: () => { const routes = {}; return { routes, post: (path, handler) => { routes[path] = handler; } }; } }),
    '../models/order': (mongoose) => mongoose.model('Order', new mongoose.Schema({ reserved: [String] })),
    '../models/stock': (mongoose) => mongoose.model('Stock', new mongoose.Schema({ sku: String, available: Number })),
  },
  seed: {
    Order: [{ _id: 'o1', reserved: [] }],
    Stock: [{ sku: 'pen', available: 5 }, { sku: 'ink', available: 3 }, { sku: 'cap', available: 0 }],
  },
  paths: {
    normal: [route('/orders/:id/reserve', { lines }), route('/orders/:id/release', { lines }), route('/orders/:id/restock', { lines }), route('/orders/:id/restock', { lines: [] })],
  },
  differences: { 'commit-fails': { data: interleaved }, 'transient-commit': { data: interleaved } },
};

const service = ({ mongoose, model }) => [mongoose.connection, model('Booking'), model('Room')];
const bookings = [{ room: 'r1', guest: 'ann', nights: 2 }, { room: 'r2', guest: 'bob', nights: 1 }];
const ts = {
  setup: ({ mongoose }) => {
    mongoose.model('Booking', new mongoose.Schema({ room: String, guest: String, nights: Number }));
    mongoose.model('Room', new mongoose.Schema({ code: String, free: Number }));
  },
  seed: { Room: [{ code: 'r1', free: 2 }, { code: 'r2', free: 1 }], Booking: [{ room: 'r0', guest: 'cy', nights: 1 }] },
  paths: {
    normal: [
      { call: 'BookingsService#holdAll', construct: service, args: [bookings] },
      { call: 'BookingsService#extendAll', construct: service, args: [bookings, 3] },
      { call: 'BookingsService#extendAll', construct: service, args: [[], 3] },
      { call: 'BookingsService#cancelAll', construct: service, args: [bookings] },
    ],
  },
};

module.exports = { js, ts };
