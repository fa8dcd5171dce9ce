const { id } = require('../../test/harness/simulation/kit');

const login = (email) => ({ call: 'login', args: [{ email, device: 'phone' }] });

// The caller runs its own transaction and hands its session in: the service must leave it open.
const withCallerSession = (name, ...args) => async ({ mongoose, exports }) => {
  const session = await mongoose.startSession();
  session.startTransaction();
  const result = await exports[name](...args, session);
  await session.commitTransaction();
  await session.endSession();
  return result;
};

const js = {
  modules: {
    '../models/user': (mongoose) => mongoose.model('User', new mongoose.Schema({ email: String })),
    '../models/token': (mongoose) => mongoose.model('Token', new mongoose.Schema({ userId: mongoose.Schema.Types.ObjectId, device: String, ttl: Number })),
    '../config': () => ({
      readConfig: () => {
        if (globalThis.brokenConfig) throw new Error('TTL is not set');
        return { ttl: 60 };
      },
    }),
  },
  seed: { User: [{ _id: 'ann', email: 'ann@example.com' }] },
  paths: {
    normal: [login('ann@example.com'), { call: 'refresh', args: [id('ann')] }, { call: 'logout', args: [id('ann')] }],
    'unknown user': [login('bob@example.com')],
    'caller session': [withCallerSession('login', { email: 'ann@example.com', device: 'tablet' }), withCallerSession('refresh', id('ann')), withCallerSession('logout', id('ann'))],
    'broken config': { setup: () => (globalThis.brokenConfig = true), calls: [login('ann@example.com')] },
  },
};

module.exports = { js };
