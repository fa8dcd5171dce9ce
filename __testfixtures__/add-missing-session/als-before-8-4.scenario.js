module.exports = {
  modules: {
    '../models/order.js': (mongoose) => mongoose.model('Order', new mongoose.Schema({ customer: String, itemCount: Number })),
    '../models/order-item.js': (mongoose) => mongoose.model('OrderItem', new mongoose.Schema({ order: mongoose.Schema.Types.ObjectId, sku: String })),
  },
  seed: {},
  // On 8.3 there is no AsyncLocalStorage: the input's items and count ran outside the
  // transaction, so a retried transaction wrote the items twice.
  // Outside the transaction the count's update could not even see the order created inside it.
  differences: {
    normal: { data: 'the item count is now written: outside the transaction its update matched no order' },
    'commit-fails': { data: 'the retried transaction no longer writes the items twice' },
    'transient-commit': { data: 'the retried transaction no longer writes the items twice' },
  },
  paths: {
    normal: [{ call: 'createOrder', args: [{ customer: 'ann', items: [{ sku: 'pen' }, { sku: 'ink' }] }] }],
  },
};
