const js = {
  modules: {
    './models': (mongoose) => ({ Account: mongoose.model('Account', new mongoose.Schema({ owner: String })) }),
  },
  seed: { Account: [{ owner: 'ann' }, { owner: 'bob' }] },
  paths: {
    normal: [{ call: 'closeAccount', args: ['ann'] }],
  },
};

module.exports = { js };
