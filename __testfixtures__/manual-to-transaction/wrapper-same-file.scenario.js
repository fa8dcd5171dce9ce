const { id } = require('../../test/harness/simulation/kit');

module.exports = {
  seed: { Account: [{ _id: 'alice', owner: 'alice', balance: 10 }], Ledger: [{ _id: 'first', account: id('alice'), amount: 10 }] },
  paths: {
    normal: [
      { call: 'deposit', args: [id('alice'), 5] },
      { call: 'closeAccount', args: [id('alice')] },
    ],
    'unknown account': [{ call: 'deposit', args: [id('nobody'), 5] }],
  },
};
