const withdraw = (owner, amount) => ({
  call: 'withdraw',
  args: ({ mongoose, model }) => [mongoose.connection, model('Account'), owner, amount],
});

module.exports = {
  setup: ({ mongoose }) => mongoose.model('Account', new mongoose.Schema({ owner: String, balance: Number })),
  seed: { Account: [{ owner: 'ann', balance: 50 }] },
  paths: {
    normal: [withdraw('ann', 30)],
    'insufficient balance': [withdraw('ann', 80)],
    'no such account': [withdraw('bob', 10)],
  },
};
