module.exports = {
  modules: {
    './wallet': (mongoose) => mongoose.model('Wallet', new mongoose.Schema({ userId: String, balance: Number })),
  },
  seed: { Wallet: [{ userId: 'ann', balance: 50 }] },
  paths: {
    normal: [{ call: 'default', args: ['ann', 30] }],
    'invalid user': [{ call: 'default', args: [{ $bad: 1 }, 30] }],
  },
};
