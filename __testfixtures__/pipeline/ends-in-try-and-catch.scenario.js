const { id, req, res, next } = require('../../test/harness/simulation/kit');

const js = {
  modules: {
    '../models/booking': (mongoose) => mongoose.model('Booking', new mongoose.Schema({ room: { type: String, required: true }, guest: String })),
  },
  paths: {
    normal: [{ call: 'book', args: [req({ body: { room: '101' }, user: { id: 'ann' } }), res(), next()] }],
    'no room': [{ call: 'book', args: [req({ body: {}, user: { id: 'ann' } }), res(), next()] }],
  },
};

const ts = {
  modules: {
    '../models/booking': (mongoose) => ({ Booking: mongoose.model('Booking', new mongoose.Schema({ room: String, status: String })) }),
  },
  seed: { Booking: [{ _id: 'b1', room: '101', status: 'booked' }] },
  paths: {
    normal: [{ call: 'cancelBooking', args: [req({ params: { id: id('b1') } }), res()] }],
  },
  differences: Object.fromEntries(
    ['normal', 'commit-fails', 'transient-commit'].map((run) => [
      run,
      {
        calls: 'the input ends the session inside the withTransaction() callback, so the transaction is aborted and the reply is a 500; the output commits and replies',
        data: 'the input never commits the cancellation (the transaction is aborted when its session ends); the output does',
      },
    ]),
  ),
};

module.exports = { js, ts };
