const { id, req, res } = require('../../test/harness/simulation/kit');

// The session the transaction middleware put on req.session before the route ran.
const withSession = (handler, request) => async (ctx) => {
  const session = await ctx.mongoose.startSession();
  session.startTransaction();
  return ctx.exports[handler](req({ ...request, session }), res(), () => undefined);
};

module.exports = {
  js: {
    modules: {
      'express-async-handler': () => (fn) => (req, res, next) => Promise.resolve(fn(req, res, next)).catch(next),
      '../models/Cinema': (mongoose) => mongoose.model('Cinema', new mongoose.Schema({ foods: [String] })),
      '../models/Food': (mongoose) => mongoose.model('Food', new mongoose.Schema({ name: String, theater: String })),
      '../models/Theater': (mongoose) => mongoose.model('Theater', new mongoose.Schema({ foods: [String] })),
    },
    seed: {
      Cinema: [{ _id: 'c1', foods: ['popcorn', 'soda'] }],
      Theater: [{ _id: 't1', foods: ['popcorn'] }, { _id: 't2', foods: [] }],
      Food: [{ _id: 'f1', name: 'popcorn', theater: 't1' }],
    },
    paths: {
      normal: [withSession('removeFood', { params: { foodId: 'popcorn' } }), withSession('moveFood', { body: { from: id('t1'), to: id('t2'), foodId: 'popcorn' } }), withSession('listFoods', {})],
    },
    noCommit: 'the handlers end the session the middleware started, which aborts its transaction',
  },
};
