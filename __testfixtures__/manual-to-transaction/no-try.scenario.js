const { id } = require('../../test/harness/simulation/kit');

module.exports = {
  modules: {
    '../models/account': (mongoose) =>
      mongoose.model('Account', new mongoose.Schema({ owner: String, closed: Boolean, parent: mongoose.Schema.Types.ObjectId })),
  },
  seed: {
    Account: [
      { _id: 'main', owner: 'ann', closed: false },
      { _id: 'sub', owner: 'ann', closed: false, parent: 'main' },
    ],
  },
  paths: {
    normal: [{ call: 'closeAccount', args: [id('main')] }],
    'no such account': [{ call: 'closeAccount', args: [id('none')] }],
  },
};
