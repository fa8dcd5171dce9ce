const { id } = require('../../test/harness/simulation/kit');

module.exports = {
  setup: ({ mongoose }) => {
    mongoose.model('Cart', new mongoose.Schema({ items: [{ sku: String, quantity: Number }], total: Number }));
    mongoose.model('Order', new mongoose.Schema({ items: [{ sku: String, quantity: Number }], total: Number }));
  },
  seed: {
    Cart: [{ _id: 'c1', items: [{ sku: 'pen', quantity: 2 }], total: 6 }],
    Order: [{ _id: 'o1', items: [{ sku: 'ink', quantity: 1 }], total: 10 }],
  },
  paths: {
    normal: [{ call: 'checkout', args: [id('c1')] }, { call: 'reorder', args: [id('o1')] }],
    'no such cart': [{ call: 'checkout', args: [id('c2')] }],
    'no such order': [{ call: 'reorder', args: [id('o2')] }],
  },
};
