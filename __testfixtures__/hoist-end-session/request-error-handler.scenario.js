const { req, res, next } = require('../../test/harness/simulation/kit');

// The session the transaction middleware put on the request, as the route left it.
const sessionAfter = (route) => async ({ mongoose, model }) => {
  const session = await mongoose.startSession();
  session.startTransaction();
  await model('Ticket').create([{ code: 7 }], { session });
  if (route === 'committed') await session.commitTransaction();
  return session;
};
const failedRoute = (route) => async (ctx) => {
  const session = await sessionAfter(route)(ctx);
  return ctx.exports.error(Object.assign(new Error('seat taken'), { status: 409 }), req({ session }), res(), next());
};

module.exports = {
  modules: {
    '../utils/error': () => ({ ErrorWithStatus: class ErrorWithStatus extends Error {} }),
  },
  setup: ({ mongoose }) => {
    mongoose.model('Ticket', new mongoose.Schema({ code: Number }));
  },
  seed: { Ticket: [] },
  paths: {
    // The route threw before it committed: the abort rolls its write back.
    normal: [failedRoute('open')],
    // The route committed, then failed while answering: the abort threw instead of the error being answered.
    'failed after the commit': [failedRoute('committed')],
  },
  noCommit: 'the error handler only rolls back',
  differences: {
    'failed after the commit': { calls: 'the output answers 409 with the route\'s error, where the input threw "Cannot call abortTransaction after calling commitTransaction" from the error handler' },
  },
};
