const { id, req, res } = require('../../test/harness/simulation/kit');

module.exports = {
  modules: {
    '../models/user': (mongoose) => mongoose.model('User', new mongoose.Schema({ name: String })),
    '../models/post': (mongoose) => mongoose.model('Post', new mongoose.Schema({ author: mongoose.Schema.Types.ObjectId, title: String })),
    '../models/session': (mongoose) => mongoose.model('Session', new mongoose.Schema({ user: mongoose.Schema.Types.ObjectId })),
  },
  seed: {
    User: [{ _id: 'ann', name: 'ann' }, { _id: 'bob', name: 'bob' }],
    Post: [{ author: id('ann'), title: 'hello' }, { author: id('bob'), title: 'hi' }],
    Session: [{ user: id('ann') }],
  },
  // The bug itself: no write carries the session, so the input's commit has nothing to send and
  // never reaches the server (an injected commit failure cannot happen there).
  noCommit: 'the input sends no operation with its session, so its commit is empty and never reaches the server',
  paths: {
    normal: [{ call: 'deleteAccount', args: [req({ params: { id: id('ann') } }), res()] }],
    'no such user': [{ call: 'deleteAccount', args: [req({ params: { id: id('cat') } }), res()] }],
  },
};
