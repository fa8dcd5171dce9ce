const deleted = (user) => ({ call: 'onUserDeleted', args: ({ mongoose, model }) => [mongoose.connection, model('Reminder'), user] });

module.exports = {
  setup: ({ mongoose }) => mongoose.model('Reminder', new mongoose.Schema({ user: String, sent: Boolean })),
  seed: { Reminder: [{ user: 'ann', sent: false }, { user: 'ann', sent: true }, { user: 'bob', sent: false }] },
  paths: {
    normal: [deleted('ann')],
  },
};
