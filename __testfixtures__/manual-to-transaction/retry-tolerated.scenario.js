const { id } = require('../../test/harness/simulation/kit');

module.exports = {
  modules: {
    '../lib/logger': () => ({ info: (...args) => console.info(...args), error: (...args) => console.error(...args) }),
    '../models/account': (mongoose) => mongoose.model('Account', new mongoose.Schema({ owner: String, balance: Number })),
    '../models/transfer': (mongoose) =>
      mongoose.model('Transfer', new mongoose.Schema({
        from: mongoose.Schema.Types.ObjectId, to: mongoose.Schema.Types.ObjectId, amount: Number, reference: String,
      })),
  },
  seed: { Account: [{ _id: 'ann', owner: 'ann', balance: 50 }, { _id: 'bob', owner: 'bob', balance: 5 }] },
  paths: {
    normal: [{ call: 'transfer', args: [id('ann'), id('bob'), 30] }],
    'insufficient balance': [{ call: 'transfer', args: [id('bob'), id('ann'), 30] }],
    'no such account': [{ call: 'transfer', args: [id('ann'), id('cy'), 1] }],
  },
};
