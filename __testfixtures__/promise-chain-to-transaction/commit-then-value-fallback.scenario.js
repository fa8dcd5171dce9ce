const redeem = (code) => ({ call: 'redeem', args: ({ mongoose, model }) => [mongoose.connection, model('Coupon'), code] });

module.exports = {
  js: {
    modules: {
      '../models/order': (mongoose) => mongoose.model('Order', new mongoose.Schema({ item: { type: String, required: true }, quantity: Number })),
    },
    paths: {
      normal: [{ call: 'placeOrder', args: [{ item: 'pen', quantity: 2 }] }],
      'invalid order': [{ call: 'placeOrder', args: [{ quantity: 2 }] }],
    },
  },
  ts: {
    setup: ({ mongoose }) => mongoose.model('Coupon', new mongoose.Schema({ code: String, used: Boolean })),
    seed: { Coupon: [{ code: 'SPRING', used: false }] },
    paths: {
      normal: [redeem('SPRING')],
      'unknown code': [redeem('WINTER')],
    },
  },
};
