const service = (method, args) => ({
  call: `OrdersService#${method}`,
  construct: ({ mongoose, model }) => [mongoose.connection, model('Order'), model('Stock')],
  args,
});

module.exports = {
  setup: ({ mongoose }) => {
    mongoose.model('Order', new mongoose.Schema({ sku: String, qty: Number }));
    mongoose.model('Stock', new mongoose.Schema({ sku: String, qty: Number }));
  },
  seed: { Stock: [{ sku: 'pen', qty: 5 }, { sku: 'pen', qty: 1 }] },
  paths: {
    normal: [service('place', ['pen', 2]), service('restock', ['pen', 3])],
    'unknown sku': [service('place', ['ink', 1]), service('restock', ['ink', 1])],
  },
};
