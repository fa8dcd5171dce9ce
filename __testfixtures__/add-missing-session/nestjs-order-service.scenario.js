const service = (method, args) => ({
  call: `OrderService#${method}`,
  construct: ({ mongoose, model }) => [mongoose.connection, model('Order'), model('OrderLine'), model('Product')],
  args,
});

module.exports = {
  setup: ({ mongoose }) => {
    mongoose.model('Order', new mongoose.Schema({ customer: String, total: Number, status: String }));
    mongoose.model('OrderLine', new mongoose.Schema({ order: mongoose.Schema.Types.ObjectId, sku: String, quantity: Number }));
    mongoose.model('Product', new mongoose.Schema({ sku: String, stock: Number }));
  },
  seed: { Product: [{ sku: 'pen', stock: 5 }, { sku: 'ink', stock: 5 }] },
  // On Mongoose 9 the input's create() of several lines with a session throws, after the order was
  // saved outside the transaction: the output places the order, its lines and the stock together.
  differences: {
    'two lines': { calls: 'the order is now placed', data: 'the order, its lines and the stock change are now written together' },
    'commit-fails': { data: 'the retried transaction no longer saves the order twice nor takes the stock twice' },
    'transient-commit': { data: 'the retried transaction no longer saves the order twice nor takes the stock twice' },
  },
  paths: {
    normal: [service('place', ['ann', [{ sku: 'pen', quantity: 1 }], 3])],
    'two lines': [service('place', ['bob', [{ sku: 'pen', quantity: 1 }, { sku: 'ink', quantity: 2 }], 7])],
  },
};
