const { id } = require('../../test/harness/simulation/kit');

const settle = (order, amount) => ({ call: 'settle', args: [order, amount] });

const seed = { Order: [{ _id: 'o1', total: 30, paid: 0 }] };
const paths = {
  normal: [settle(id('o1'), 10)],
  'order not found': [settle(id('missing'), 10)],
};

const settleTyped = (order, amount) => ({
  call: 'PaymentService#settle',
  construct: ({ mongoose, model }) => [mongoose.connection, model('Order'), model('Payment')],
  args: [order, amount],
});

module.exports = {
  js: {
    modules: {
      '../models/order': (mongoose) => mongoose.model('Order', new mongoose.Schema({ total: Number, paid: Number, settled: Boolean })),
      '../models/payment': (mongoose) => mongoose.model('Payment', new mongoose.Schema({ order: mongoose.Schema.Types.ObjectId, amount: Number })),
    },
    seed,
    paths,
  },
  ts: {
    setup: ({ mongoose }) => {
      mongoose.model('Order', new mongoose.Schema({ total: Number, paid: Number, settled: Boolean }));
      mongoose.model('Payment', new mongoose.Schema({ order: mongoose.Schema.Types.ObjectId, amount: Number }));
    },
    seed,
    paths: {
      normal: [settleTyped(id('o1'), 10)],
      'order not found': [settleTyped(id('missing'), 10)],
    },
  },
};
