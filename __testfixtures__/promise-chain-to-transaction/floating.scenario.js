const { id } = require('../../test/harness/simulation/kit');

module.exports = {
  setup: ({ mongoose }) => mongoose.model('Audit', new mongoose.Schema({ action: String, archived: Boolean })),
  seed: { Audit: [{ _id: 'a1', action: 'login' }, { _id: 'a2', action: 'logout' }, { _id: 'a3', action: 'login' }] },
  paths: {
    normal: [{ call: 'archive', args: [[id('a1'), id('a3')]] }],
  },
};
