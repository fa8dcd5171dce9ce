const { id, req, res } = require('../../test/harness/simulation/kit');

const call = (name, request) => ({ call: name, args: [req(request), res()] });

module.exports = {
  modules: {
    '../models/ticketing': (mongoose) => ({
      Seat: mongoose.model('Seat', new mongoose.Schema({ show: String, number: Number, taken: Boolean })),
      Ticket: mongoose.model('Ticket', new mongoose.Schema({ show: String, seat: Number, holder: String })),
    }),
  },
  seed: { Seat: [{ show: 'matinee', number: 1, taken: false }, { show: 'evening', number: 7, taken: true }], Ticket: [{ _id: 't1', show: 'evening', seat: 7, holder: 'lee' }] },
  paths: {
    normal: [call('buyTicket', { body: { show: 'matinee', holder: 'ann' } }), call('refundTicket', { params: { id: id('t1') } })],
    'no such ticket': [call('refundTicket', { params: { id: id('t9') } })],
    'sold out': [call('buyTicket', { body: { show: 'matinee', holder: 'ann' } }), call('buyTicket', { body: { show: 'matinee', holder: 'bob' } })],
  },
};
