module.exports = {
  modules: {
    '../models/invoice': (mongoose) => mongoose.model('Invoice', new mongoose.Schema({ customer: String })),
    '../models/invoice-line': (mongoose) =>
      mongoose.model('InvoiceLine', new mongoose.Schema({ invoice: mongoose.Schema.Types.ObjectId, sku: String, kind: String })),
  },
  seed: {},
  // The helper runs in its caller's transaction.
  paths: {
    normal: [
      async ({ mongoose, exports }) => mongoose.connection.transaction((session) => exports.saveInvoice({ customer: 'ann' }, [{ sku: 'pen' }, { sku: 'ink' }], session).then(() => 'saved')),
    ],
    'one line': [
      async ({ mongoose, exports }) => mongoose.connection.transaction((session) => exports.saveInvoice({ customer: 'bob' }, [{ sku: 'pen' }], session).then(() => 'saved')),
    ],
  },
  // On 8.10 every input run throws at the first create() of several lines: the helper always
  // creates the tax and shipping lines together.
  differences: Object.fromEntries(
    ['normal', 'one line', 'commit-fails', 'transient-commit'].map((run) => [run, { calls: 'the invoice is now saved', data: 'the invoice and its lines are now saved' }]),
  ),
};
