const { id } = require('../../test/harness/simulation/kit');

const close = (accountId, legacy) => ({
  call: 'AccountClosingService#close',
  construct: ({ mongoose, model }) => [mongoose.connection, model('Account'), model('Payment')],
  args: [accountId, legacy],
});

module.exports = {
  setup: ({ mongoose }) => {
    mongoose.model('Account', new mongoose.Schema({ legacyId: String, closed: Boolean }));
    mongoose.model('Payment', new mongoose.Schema({ account: String, status: String }));
  },
  seed: {
    Account: [
      { _id: 'acc', closed: false },
      { _id: 'old', legacyId: 'L-7', closed: false },
    ],
    Payment: [
      { account: id('acc'), status: 'pending' },
      { account: id('acc'), status: 'paid' },
      { account: 'L-7', status: 'pending' },
    ],
  },
  paths: {
    normal: [close(id('acc'), false)],
    'legacy id': [close('L-7', true)],
    'no such account': [close('nope', false)],
  },
};
