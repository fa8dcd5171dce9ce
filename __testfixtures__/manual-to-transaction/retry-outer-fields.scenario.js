const { id, req, res } = require('../../test/harness/simulation/kit');

module.exports = {
  modules: {
    '../models/user': (mongoose) => mongoose.model('User', new mongoose.Schema({ name: String, team: String, verified: Boolean })),
    '../models/member': (mongoose) => mongoose.model('Member', new mongoose.Schema({ team: String, role: String, name: String })),
    '../models/team': (mongoose) => mongoose.model('Team', new mongoose.Schema({ name: String, roles: mongoose.Schema.Types.Mixed })),
  },
  seed: {
    User: [{ _id: 'ann', name: 'ann', team: 'blue', verified: false }],
    Member: [
      { team: 'blue', role: 'dev', name: 'ann' },
      { team: 'blue', role: 'dev', name: 'bob' },
      { team: 'blue', role: 'ops', name: 'cy' },
      { team: 'red', role: 'dev', name: 'dan' },
    ],
    Team: [{ _id: 'blue', name: 'blue' }],
  },
  paths: {
    normal: [{ call: 'verifyAccount', args: [req({ params: { id: id('ann') } }), res()] }],
    'no such user': [{ call: 'verifyAccount', args: [req({ params: { id: id('nobody') } }), res()] }],
  },
};
