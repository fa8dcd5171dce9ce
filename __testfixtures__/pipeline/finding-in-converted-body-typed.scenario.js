const { id } = require('../../test/harness/simulation/kit');

const ts = {
  modules: {
    '../models/order': (mongoose) => ({ Order: mongoose.model('Order', new mongoose.Schema({ status: String })) }),
    '../models/payment': (mongoose) => ({ Payment: mongoose.model('Payment', new mongoose.Schema({ order: mongoose.Schema.Types.ObjectId, amount: Number })) }),
  },
  seed: { Order: [{ _id: 'o1', status: 'open' }] },
  paths: {
    normal: [{ call: 'pay', args: [id('o1'), 30] }],
    'no such order': [{ call: 'pay', args: [id('o2'), 30] }],
  },
};

module.exports = { ts };
