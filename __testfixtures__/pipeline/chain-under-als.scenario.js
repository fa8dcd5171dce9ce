module.exports = {
  seed: { Booking: [{ room: '101', guest: 'bob' }] },
  paths: {
    normal: [{ call: 'book', args: ['101', 'ann'] }],
  },
};
