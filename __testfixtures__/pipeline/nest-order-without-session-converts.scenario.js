const place = (customer, items, total) => ({
  call: 'OrdersService#create',
  construct: ({ mongoose, model }) => [mongoose.connection, model('Order'), model('OrderItem')],
  args: [customer, items, total],
});

module.exports = {
  setup: ({ mongoose }) => {
    mongoose.model('Order', new mongoose.Schema({ customer: String, total: Number }));
    mongoose.model('OrderItem', new mongoose.Schema({ order: mongoose.Schema.Types.ObjectId, sku: String, quantity: Number }));
  },
  seed: {},
  // From 8.10 the input's create() of several items throws (after the order itself was written
  // outside the transaction); the output creates them in order, inside it.
  differences: { 'two items': { calls: 'the items are now created (ordered: true)', data: 'the order and its items are now written together' } },
  paths: {
    normal: [place('ann', [{ sku: 'pen', quantity: 1 }], 3)],
    'two items': [place('bob', [{ sku: 'pen', quantity: 1 }, { sku: 'ink', quantity: 2 }], 7)],
  },
};
