// The NestJS service of the same shape (the JS case's scenario covers the caller's own session).
const service = ({ mongoose, model }) => [mongoose.connection, model('Account'), model('Token')];
const call = (method, ...args) => ({ call: `AuthService#${method}`, construct: service, args });

const ts = {
  modules: {
    '../config/env': () => ({
      readEnv: () => {
        if (globalThis.brokenConfig) throw new Error('ISSUER is not set');
        return { issuer: 'happy' };
      },
    }),
  },
  setup: ({ mongoose }) => {
    mongoose.model('Account', new mongoose.Schema({ email: String, issuer: String, verified: Boolean }));
    mongoose.model('Token', new mongoose.Schema({ account: String, value: String }));
  },
  seed: { Account: [{ _id: 'ann', email: 'ann@example.com', issuer: 'happy', verified: false }] },
  paths: {
    normal: [call('login', 'ann@example.com'), call('verify', 'ann@example.com')],
    'unknown account': [call('login', 'bob@example.com')],
    'broken config': { setup: () => (globalThis.brokenConfig = true), calls: [call('login', 'ann@example.com')] },
  },
};

module.exports = { ts };
