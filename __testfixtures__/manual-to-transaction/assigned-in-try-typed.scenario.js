module.exports = {
  seed: { Seat: [{ show: 'hamlet', number: 'A1', holder: null }, { show: 'hamlet', number: 'A2', holder: 'bob' }] },
  paths: {
    normal: [{ call: 'holdSeat', args: ['hamlet', 'A1', 'ann'] }],
    'seat taken': [{ call: 'holdSeat', args: ['hamlet', 'A2', 'ann'] }],
  },
};
