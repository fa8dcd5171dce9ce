module.exports = {
  seed: { Ticket: [{ event: 'gig', seat: 'A1', holder: null }, { event: 'gig', seat: 'A2', holder: 'ann' }, { event: 'gig', seat: 'A3', holder: 'bob' }] },
  paths: {
    normal: [{ call: 'buyTicket', args: ['gig', 'A1', 'ann'] }],
    'seat taken': [{ call: 'buyTicket', args: ['gig', 'A3', 'ann'] }],
  },
};
