const { id } = require('../../test/harness/simulation/kit');

const cancel = (booking) => ({ call: 'cancelBooking', args: [id(booking), []], observeArgs: true });

module.exports = {
  seed: {
    Booking: [{ _id: 'b1', tour: 'alps', user: 'ann', paid: true }],
    Tour: [{ name: 'alps', seats: 3 }],
  },
  paths: {
    normal: [cancel('b1')],
    'no such booking': [cancel('b2')],
  },
};
