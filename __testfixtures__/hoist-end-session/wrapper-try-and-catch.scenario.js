// The wrapper's connection is the default one here, so the work can use the default models.
const work = (owner, amount) => ({
  call: 'runInTransaction',
  args: ({ model }) => [
    async (session) => {
      const wallet = await model('Wallet').findOneAndUpdate({ owner }, { $inc: { balance: -amount } }, { session, new: true });
      if (wallet.balance < 0) throw new Error('insufficient balance');
      return wallet.balance;
    },
  ],
});

const js = {
  setup: ({ mongoose }) => {
    mongoose.createConnection = () => mongoose.connection;
    mongoose.model('Wallet', new mongoose.Schema({ owner: String, balance: Number }));
  },
  seed: { Wallet: [{ owner: 'ann', balance: 50 }] },
  paths: {
    normal: [work('ann', 30)],
    'insufficient balance': [work('ann', 80)],
  },
};

const ts = {
  paths: {
    normal: [{ call: 'credit', args: ['cash', 30] }],
    'work fails': [{ call: 'withTransaction', args: [async () => { throw new Error('posting refused'); }] }],
  },
};

module.exports = { js, ts };
