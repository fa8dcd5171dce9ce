const js = {
  modules: {
    '../models/order': (mongoose) => mongoose.model('Order', new mongoose.Schema({ customer: String, total: { type: Number, min: 0 } })),
    '../models/invoice': (mongoose) => mongoose.model('Invoice', new mongoose.Schema({ order: mongoose.Schema.Types.ObjectId, amount: { type: Number, min: 1 } })),
  },
  paths: {
    normal: [{ call: 'placeOrder', args: ['ann', 30] }],
    // The invoice fails validation after the order was written: both abort it.
    'invoice rejected': [{ call: 'placeOrder', args: ['ann', 0] }],
  },
};

const place = (customer, total) => ({
  call: 'OrdersService#place',
  construct: ({ mongoose, model }) => [mongoose.connection, model('Order'), model('Invoice')],
  args: [customer, total],
});

const ts = {
  setup: ({ mongoose }) => {
    mongoose.model('Order', new mongoose.Schema({ customer: String, total: { type: Number, min: 0 } }));
    mongoose.model('Invoice', new mongoose.Schema({ order: mongoose.Schema.Types.ObjectId, amount: { type: Number, min: 1 } }));
  },
  paths: {
    normal: [place('ann', 30)],
    'invoice rejected': [place('ann', 0)],
  },
};

module.exports = { js, ts };
