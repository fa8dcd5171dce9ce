const { id, req, res } = require('../../test/harness/simulation/kit');

module.exports = {
  modules: {
    '../models/account': (mongoose) => mongoose.model('Account', new mongoose.Schema({ name: String, status: String })),
    '../models/transfer': (mongoose) => mongoose.model('Transfer', new mongoose.Schema({ account: mongoose.Schema.Types.ObjectId, kind: String })),
  },
  seed: { Account: [{ _id: 'acc', name: 'savings', status: 'open' }] },
  paths: {
    normal: [
      { call: 'rename', args: [req({ params: { id: id('acc') }, body: { name: 'holiday' } }), res()] },
      { call: 'close', args: [req({ params: { id: id('acc') } }), res()] },
    ],
    'account missing': [{ call: 'close', args: [req({ params: { id: id('nobody') } }), res()] }],
  },
};
