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
  paths: {
    normal: [{ call: 'deleteAccount', args: [req({ params: { id: id('ann') } }), res()] }],
    'no such user': [{ call: 'deleteAccount', args: [req({ params: { id: id('cat') } }), res()] }],
  },
};
