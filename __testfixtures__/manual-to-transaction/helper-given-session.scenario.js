const register = (email) => ({ call: 'registerUser', args: [{ email }] });

const js = {
  modules: {
    '../models/user': (mongoose) => mongoose.model('User', new mongoose.Schema({ email: { type: String, required: true } })),
    '../models/category': (mongoose) => mongoose.model('Category', new mongoose.Schema({ name: String, user: mongoose.Schema.Types.ObjectId })),
    '../models/wallet': (mongoose) => mongoose.model('Wallet', new mongoose.Schema({ user: mongoose.Schema.Types.ObjectId, balance: Number })),
  },
  paths: {
    normal: [register('ann@x.test')],
    'invalid user': [register(undefined)],
  },
};

const registerTyped = (email) => ({
  call: 'UserService#register',
  construct: ({ mongoose, model }) => [mongoose.connection, model('User'), model('Category')],
  args: [email],
});

const ts = {
  setup: ({ mongoose }) => {
    mongoose.model('User', new mongoose.Schema({ email: { type: String, required: true } }));
    mongoose.model('Category', new mongoose.Schema({ name: String, user: mongoose.Schema.Types.ObjectId }));
  },
  paths: {
    normal: [registerTyped('ann@x.test')],
    'invalid user': [registerTyped(undefined)],
  },
};

module.exports = { js, ts };
