const credit = (owner, amount) => ({
  call: 'LedgerService#credit',
  construct: ({ mongoose, model }) => [mongoose.connection, model('Account'), model('Entry')],
  args: [owner, amount],
});

module.exports = {
  setup: ({ mongoose }) => {
    mongoose.model('Account', new mongoose.Schema({ owner: String, balance: Number }));
    mongoose.model('Entry', new mongoose.Schema({ account: String, amount: Number, reference: String, batch: String }));
  },
  seed: { Account: [{ owner: 'ann', balance: 50 }] },
  paths: {
    normal: [credit('ann', 30)],
    'no such account': [credit('bob', 30)],
  },
  // The entry's reference is made from a new ObjectId's last digits: a retried attempt draws
  // another ObjectId, so the reference returned, logged and stored is another one.
  differences: Object.fromEntries(
    ['commit-fails', 'transient-commit'].map((run) => [run, { calls: 'reference from a fresh ObjectId', logs: 'reference from a fresh ObjectId', data: 'reference from a fresh ObjectId' }]),
  ),
};
