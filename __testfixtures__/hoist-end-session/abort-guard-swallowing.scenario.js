const { req, res, next } = require('../../test/harness/simulation/kit');

// Each wrapper runs work that moves credit between two wallets, or work that throws.
const move = (amount) => async (session) => {
  const Wallet = globalThis.scenarioWallet;
  const from = await Wallet.findOneAndUpdate({ owner: 'ann' }, { $inc: { balance: -amount } }, { session, new: true });
  if (from.balance < 0) throw new Error('insufficient balance');
  await Wallet.updateOne({ owner: 'bob' }, { $inc: { balance: amount } }, { session });
  return from.balance;
};
const handler = (amount) => async (request, response, session) => {
  const left = await move(amount)(session);
  response.status(200).json({ left });
};

const setup = ({ mongoose }) => {
  globalThis.scenarioWallet = mongoose.model('Wallet', new mongoose.Schema({ owner: String, balance: Number }));
};
const seed = { Wallet: [{ owner: 'ann', balance: 50 }, { owner: 'bob', balance: 5 }] };
const hiddenByFalse = 'a failed commit answers false, the wrapper\'s own failure value, where the input threw the abort\'s error';

module.exports = {
  js: {
    setup,
    seed,
    paths: {
      normal: [{ call: 'withTransaction', args: [move(30)] }],
      'work fails': [{ call: 'withTransaction', args: [move(80)] }],
      express: [{ call: 'transactional', args: [handler(30)], thenCall: [req(), res(), next()] }],
      'express, work fails': [{ call: 'transactional', args: [handler(80)], thenCall: [req(), res(), next()] }],
      'try': [{ call: 'tryTransaction', args: [move(30)] }],
      'try, work fails': [{ call: 'tryTransaction', args: [move(80)] }],
    },
    commitFailures: ['normal', 'express', 'try'],
    differences: { 'try, commit-fails': { calls: hiddenByFalse } },
  },
  ts: {
    setup,
    seed,
    paths: {
      normal: [{ call: 'UnitOfWork#run', construct: ({ mongoose }) => [mongoose.connection], args: [move(30)] }],
      'work fails': [{ call: 'UnitOfWork#run', construct: ({ mongoose }) => [mongoose.connection], args: [move(80)] }],
    },
  },
};
