const { id } = require('../../test/harness/simulation/kit');

const service = (method, ...args) => ({ call: `BookingService#${method}`, construct: [], args });

module.exports = {
  seed: {
    Room: [{ _id: 'sea', name: 'sea view', available: 1 }],
    Booking: [{ _id: 'old', room: id('sea'), guest: 'ann', nights: 2 }],
  },
  paths: {
    normal: [service('cancel', id('old')), service('book', id('sea'), 'bob', 3)],
    'room full': [service('book', id('sea'), 'bob', 3), service('book', id('sea'), 'carl', 1)],
    'unknown booking': [service('cancel', id('missing'))],
  },
};
