const { id, req, res, next } = require('../../test/harness/simulation/kit');

const cancel = (request) => ({ call: 'cancelWithdrawal', args: [req({ params: { id: id(request) } }), res(), next()] });

module.exports = {
  setup: ({ mongoose }) => {
    mongoose.model('Withdrawal', new mongoose.Schema({ owner: String, amount: Number, status: String }));
  },
  seed: { Withdrawal: [{ _id: id('w1'), owner: 'ann', amount: 30, status: 'pending' }] },
  paths: {
    normal: [cancel('w1')],
    'bad id': [{ call: 'cancelWithdrawal', args: [req({ params: { id: { $bad: 1 } } }), res(), next()] }],
  },
};
