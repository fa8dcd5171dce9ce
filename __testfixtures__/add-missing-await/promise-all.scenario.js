const { id } = require('../../test/harness/simulation/kit');

module.exports = {
  seed: { User: [{ _id: 'ann', name: 'ann', status: 'new' }, { _id: 'bob', name: 'bob', status: 'new' }] },
  paths: {
    normal: [
      { call: 'activate', args: [id('ann'), id('bob')] },
      { call: 'touchAll', args: [[id('ann'), id('bob')]] },
      { call: 'alreadyStarted', args: [id('ann')] },
    ],
  },
};
