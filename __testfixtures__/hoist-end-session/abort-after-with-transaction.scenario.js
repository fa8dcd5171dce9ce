const { id } = require('../../test/harness/simulation/kit');

module.exports = {
  modules: {
    '../models/account': (mongoose) => mongoose.model('Account', new mongoose.Schema({ owner: String, credits: Number })),
  },
  seed: { Account: [{ _id: 'ann', owner: 'ann', credits: 50 }, { _id: 'bob', owner: 'bob', credits: 5 }] },
  paths: {
    normal: [{ call: 'transferCredits', args: [id('ann'), id('bob'), 30] }],
    'invalid account': [{ call: 'transferCredits', args: [{ $bad: 1 }, id('bob'), 30] }],
  },
};
