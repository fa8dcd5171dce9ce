const { id, req, res } = require('../../test/harness/simulation/kit');

const checkout = (product, quantity) => ({
  call: 'checkout',
  args: [req({ body: { productId: id(product), quantity }, user: { email: 'ann@x.test' } }), res()],
});

const js = {
  modules: {
    '../models/order': (mongoose) => mongoose.model('Order', new mongoose.Schema({ product: mongoose.Schema.Types.ObjectId, quantity: Number })),
    '../models/product': (mongoose) => mongoose.model('Product', new mongoose.Schema({ name: String, stock: Number })),
    '../lib/mailer': (mongoose, { effect }) => ({ sendReceipt: async (to, order) => effect('receipt', to, String(order)) }),
  },
  seed: { Product: [{ _id: 'pen', name: 'pen', stock: 5 }], Order: [{ _id: 'o1', product: id('pen'), quantity: 1 }] },
  paths: {
    normal: [checkout('pen', 2)],
    'out of stock': [checkout('pen', 9)],
    cancel: [{ call: 'cancel', args: [id('o1')] }],
    'cancel unknown order': [{ call: 'cancel', args: [id('o2')] }],
  },
  commitFailures: ['normal', 'cancel'],
};

const pay = (invoice) => ({ call: 'InvoiceService#pay', construct: ({ mongoose, model }) => [mongoose.connection, model('Invoice')], args: [invoice] });

const ts = {
  modules: {
    '../payments/gateway': (mongoose, { effect }) => ({
      chargeCard: async (customer, amount) => {
        if (amount > 100) throw new Error('Card declined');
        effect('charge', customer, amount);
      },
    }),
  },
  setup: ({ mongoose }) => {
    mongoose.model('Invoice', new mongoose.Schema({ customer: String, amount: Number, status: String }));
  },
  seed: { Invoice: [{ _id: 'small', customer: 'ann', amount: 40, status: 'open' }, { _id: 'large', customer: 'bob', amount: 400, status: 'open' }] },
  paths: {
    normal: [pay(id('small'))],
    'card declined': [pay(id('large'))],
  },
};

module.exports = { js, ts };
