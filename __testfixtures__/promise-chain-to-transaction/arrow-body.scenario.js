const { req, res } = require('../../test/harness/simulation/kit');

module.exports = {
  js: {
    paths: {
      normal: [{ call: 'like', args: [req({ params: { id: 'post-1' }, user: { id: 'ann' } }), res()] }],
      'no user': [{ call: 'like', args: [req({ params: { id: 'post-1' } }), res()] }],
    },
  },
  ts: {
    seed: { Seat: [{ row: 1, taken: false }, { row: 2, taken: true }] },
    paths: {
      normal: [{ call: 'takeSeat', args: [1] }],
      'seat taken': [{ call: 'takeSeat', args: [2] }],
    },
  },
};
