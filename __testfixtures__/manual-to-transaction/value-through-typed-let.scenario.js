const post = (account, amount) => ({ call: 'post', args: ({ model }) => [model('Ledger'), account, amount] });

module.exports = {
  setup: ({ mongoose }) => mongoose.model('Ledger', new mongoose.Schema({ account: String, total: Number })),
  seed: { Ledger: [{ account: 'cash', total: 10 }] },
  paths: {
    normal: [post('cash', 5)],
    'no such ledger': [post('bank', 5)],
  },
};
