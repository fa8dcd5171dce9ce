const js = {
  modules: {
    './models': (mongoose) => ({ Account: mongoose.model('Account', new mongoose.Schema({ owner: String })) }),
  },
  seed: { Account: [{ owner: 'ann' }, { owner: 'bob' }] },
  paths: {
    normal: [{ call: 'closeAccount', args: ['ann'] }],
  },
};

const ts = {
  seed: { Account: [{ owner: 'ann', balance: 50 }, { owner: 'bob', balance: 5 }] },
  paths: {
    normal: [{ call: 'transfer', args: ['ann', 'bob', 30] }],
    'invalid owner': [{ call: 'transfer', args: [{ $bad: 1 }, 'bob', 30] }],
  },
};

module.exports = { js, ts };
