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
  seed: { Stock: [{ sku: 'pen', qty: 5 }], Order: [{ sku: 'ink', qty: 1 }] },
  paths: {
    normal: [service('place', ['pen', 2]), service('restock', ['pen', 4]), service('reserve', ['pen', 3]), service('cancel', ['ink'])],
    'out of stock': [service('place', ['pen', 9]), service('reserve', ['pen', 9])],
  },
};
