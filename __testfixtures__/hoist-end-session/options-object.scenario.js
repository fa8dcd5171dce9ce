const { id, req, res } = require('../../test/harness/simulation/kit');

const transfer = (from, to, amount) => ({ call: 'transfer', args: [req({ body: { from: id(from), to: id(to), amount } }), res()] });

const js = {
  modules: {
    '../models/account': (mongoose) => mongoose.model('Account', new mongoose.Schema({ owner: String, balance: Number })),
    '../models/transfer': (mongoose) =>
      mongoose.model('Transfer', new mongoose.Schema({ from: mongoose.Schema.Types.ObjectId, to: mongoose.Schema.Types.ObjectId, amount: Number })),
  },
  seed: { Account: [{ _id: 'ann', owner: 'ann', balance: 50 }, { _id: 'bob', owner: 'bob', balance: 5 }] },
  paths: {
    normal: [transfer('ann', 'bob', 30)],
    'insufficient funds': [transfer('bob', 'ann', 30)],
  },
};

const hold = (numbers) => ({ call: 'holdSeats', args: ({ mongoose, model }) => [mongoose.connection, model('Seat'), 'LH1', numbers, 'ann'] });

const ts = {
  setup: ({ mongoose }) => mongoose.model('Seat', new mongoose.Schema({ flight: String, number: String, holder: String })),
  seed: { Seat: [{ flight: 'LH1', number: '1A' }, { flight: 'LH1', number: '1B', holder: 'bob' }, { flight: 'LH1', number: '1C' }] },
  paths: {
    normal: [hold(['1A', '1B', '1C'])],
  },
};

module.exports = { js, ts };
