const service = (method, args) => ({
  call: `OrderConfirmationService#${method}`,
  construct: ({ mongoose, model }) => [mongoose.connection, model('Order'), model('OrderLine'), model('Stock')],
  args,
});

const linesOnce = 'the order lines are now awaited and written in the transaction, so its retried body no longer writes them a second time outside it';

module.exports = {
  modules: {
    './schemas/order.schema': () => ({ Order: { name: 'Order' } }),
    './schemas/order-line.schema': () => ({ OrderLine: { name: 'OrderLine' } }),
    './schemas/stock.schema': () => ({ Stock: { name: 'Stock' } }),
  },
  setup: ({ mongoose }) => {
    mongoose.model('Order', new mongoose.Schema({ status: String, confirmedAt: Date, version: Number }));
    mongoose.model('OrderLine', new mongoose.Schema({ order: String, sku: String, quantity: Number }));
    mongoose.model('Stock', new mongoose.Schema({ sku: String, reserved: Number }));
  },
  seed: { Order: [{ _id: 'o1', status: 'new', version: 1 }], Stock: [{ sku: 'pen', reserved: 0 }] },
  // The stock reservations still run on their own in a forEach() (reported, not rewritten), so both sides take the stock twice.
  differences: {
    'commit-fails': { data: linesOnce },
    'transient-commit': { data: linesOnce },
  },
  paths: {
    normal: [service('confirm', ['o1', [{ sku: 'pen', quantity: 2 }]])],
  },
};
