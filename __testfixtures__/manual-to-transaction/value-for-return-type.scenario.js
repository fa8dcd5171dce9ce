const issue = (customer, amount) => ({
  call: 'InvoiceRepository#issue',
  construct: ({ mongoose, model }) => [mongoose.connection, model('Invoice'), model('Sequence')],
  args: [customer, amount],
});

module.exports = {
  setup: ({ mongoose }) => {
    mongoose.model('Invoice', new mongoose.Schema({ customer: String, amount: { type: Number, min: 0 }, number: Number }));
    mongoose.model('Sequence', new mongoose.Schema({ name: String, value: Number }));
  },
  seed: { Sequence: [{ name: 'invoice', value: 41 }] },
  paths: {
    normal: [issue('ann', 120), issue('bob', 80)],
    'invalid amount': [issue('ann', -5)],
  },
};
