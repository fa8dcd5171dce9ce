const { id, req, res } = require('../../test/harness/simulation/kit');

const order = () => ({
  call: 'createPaymentOrder',
  args: [req({ body: { items: [{ product: id('pen'), quantity: 2 }, { product: id('ink'), quantity: 1 }] } }), res()],
});

module.exports = {
  modules: {
    '../models/order': (mongoose) =>
      mongoose.model('Order', new mongoose.Schema({ items: [{ product: mongoose.Schema.Types.ObjectId, quantity: Number }], status: String })),
    '../models/product': (mongoose) => mongoose.model('Product', new mongoose.Schema({ name: String, stock: Number })),
    '../lib/razorpay': (mongoose, { effect }) => ({
      makeRazorpay: () => ({
        orders: {
          create: async (options) => {
            if (globalThis.razorpayDown) throw new Error('Razorpay is unavailable');
            effect('razorpay.orders.create', options);
            return { id: 'rzp_1', receipt: options.receipt };
          },
        },
      }),
    }),
  },
  seed: { Product: [{ _id: 'pen', name: 'pen', stock: 5 }, { _id: 'ink', name: 'ink', stock: 1 }] },
  paths: {
    normal: [order()],
    'payment provider down': { setup: () => { globalThis.razorpayDown = true; }, calls: [order()] },
  },
};
