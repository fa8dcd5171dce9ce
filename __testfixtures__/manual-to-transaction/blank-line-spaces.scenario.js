const record = (amount) => ({ call: 'LedgerService#record', construct: ({ mongoose, model }) => [mongoose.connection, model('Entry')], args: [amount] });

module.exports = {
  js: {
    modules: {
      '../models/ledger': (mongoose) => mongoose.model('Ledger', new mongoose.Schema({ label: String, amount: Number })),
    },
    paths: {
      normal: [{ call: 'recordEntry', args: [5] }],
      'negative entry': [{ call: 'recordEntry', args: [-5] }],
    },
  },
  ts: {
    setup: ({ mongoose }) => mongoose.model('Entry', new mongoose.Schema({ label: String, amount: Number })),
    paths: {
      normal: [record(5)],
      'negative entry': [record(-5)],
    },
  },
};
