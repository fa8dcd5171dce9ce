const sell = (ticket) => ({ call: 'sellTicket', args: ({ mongoose, model }) => [mongoose.connection, model('Ticket'), ticket] });

module.exports = {
  js: {
    paths: {
      normal: [{ call: 'basicExample' }],
    },
  },
  ts: {
    setup: ({ mongoose }) =>
      mongoose.model('Ticket', new mongoose.Schema({ event: String, seat: String, holder: { type: String, required: true }, left: Number })),
    seed: { Ticket: [{ event: 'gig', seat: 'pool', holder: 'box office', left: 10 }] },
    paths: {
      normal: [sell({ event: 'gig', seat: 'A1', holder: 'ann' })],
      'no holder': [sell({ event: 'gig', seat: 'A2', holder: '' })],
    },
  },
};
