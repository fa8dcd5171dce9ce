module.exports = {
  modules: {
    '../models/account.js': (mongoose) => mongoose.model('Account', new mongoose.Schema({ owner: String, closed: Boolean })),
  },
  seed: { Account: [{ _id: 'acc', owner: 'ann', closed: false }] },
  paths: {
    normal: [{ call: 'closeAccount', args: ({ id }) => [id('acc')] }],
  },
};
