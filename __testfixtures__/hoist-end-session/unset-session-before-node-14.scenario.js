const { id, req, res, next } = require('../../test/harness/simulation/kit');

const settle = (request) => ({ call: 'settleWithdrawal', args: [req({ params: { id: id(request) } }), res(), next()] });
const cancel = (request) => ({ call: 'cancelWithdrawal', args: [req({ params: { id: id(request) } }), res(), next()] });

module.exports = {
  setup: ({ mongoose }) => {
    mongoose.model('Withdrawal', new mongoose.Schema({ owner: String, amount: Number, status: String }));
    mongoose.model('Account', new mongoose.Schema({ owner: String, balance: { type: Number, min: 0 } }));
  },
  seed: {
    Withdrawal: [
      { _id: id('w1'), owner: 'ann', amount: 30, status: 'pending' },
      { _id: id('w2'), owner: 'ann', amount: 30, status: 'settled' },
      { _id: id('w3'), owner: 'bob', amount: 90, status: 'pending' },
    ],
    Account: [{ owner: 'ann', balance: 50 }, { owner: 'bob', balance: 10 }],
  },
  paths: {
    normal: [settle('w1')],
    'not pending': [settle('w2')],
    'balance too low': [settle('w3')],
    cancel: [cancel('w1')],
  },
  commitFailures: ['normal', 'cancel'],
};
