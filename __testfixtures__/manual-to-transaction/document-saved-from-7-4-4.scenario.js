const makePrimary = (key) => ({
  call: 'CustomerKeysService#makePrimaryAgain',
  construct: ({ mongoose, model }) => [mongoose.connection, model('CustomerKey')],
  args: ['w1', key],
});

module.exports = {
  modules: {
    './customer-key.schema': () => ({ CustomerKey: { name: 'CustomerKey' } }),
  },
  setup: ({ mongoose }) => mongoose.model('CustomerKey', new mongoose.Schema({ workspaceId: String, key: String, isPrimary: Boolean })),
  seed: {
    CustomerKey: [
      { workspaceId: 'w1', key: 'email', isPrimary: true },
      { workspaceId: 'w1', key: 'phone', isPrimary: false },
    ],
  },
  paths: {
    normal: [makePrimary('phone')],
    'no such key': [makePrimary('fax')],
  },
};
