const { req, res } = require('../../test/harness/simulation/kit');

const call = (name, request) => ({ call: name, args: [req(request), res()] });

module.exports = {
  modules: {
    '../models/booking': (mongoose) => mongoose.model('Booking', new mongoose.Schema({ room: String, guest: String })),
    '../models/room': (mongoose) => mongoose.model('Room', new mongoose.Schema({ name: String, free: Number })),
  },
  seed: { Room: [{ name: 'blue', free: 1 }, { name: 'red', free: 2 }], Booking: [{ room: 'red', guest: 'cy' }] },
  paths: {
    normal: [
      call('createBooking', { body: { room: 'blue', guest: 'ann' } }),
      call('moveGuest', { params: { guest: 'cy' }, body: { room: 'blue' } }),
      call('cancelBooking', { params: { guest: 'ann' } }),
      call('checkout', { params: { guest: 'cy' } }),
      call('rebook', { params: { guest: 'ann' }, body: { room: 'red' } }),
      call('rebook', { params: { guest: 'zed' }, body: { room: 'red' } }),
    ],
    'room full': [call('createBooking', { body: { room: 'blue', guest: 'ann' } }), call('createBooking', { body: { room: 'blue', guest: 'bob' } })],
  },
};
