const { id, req, res } = require('../../test/harness/simulation/kit');

module.exports = {
  modules: {
    '../models/order': (mongoose) => mongoose.model('Order', new mongoose.Schema({ status: String, total: Number })),
    '../models/payment': (mongoose) =>
      mongoose.model('Payment', new mongoose.Schema({ order: mongoose.Schema.Types.ObjectId, amount: { type: Number, required: true } })),
  },
  seed: { Order: [{ _id: 'o1', status: 'new', total: 40 }, { _id: 'o2', status: 'new' }] },
  paths: {
    normal: [{ call: 'pay', args: [req({ params: { id: id('o1') } }), res()] }],
    'no such order': [{ call: 'pay', args: [req({ params: { id: id('o3') } }), res()] }],
    'invalid payment': [{ call: 'pay', args: [req({ params: { id: id('o2') } }), res()] }],
  },
};
