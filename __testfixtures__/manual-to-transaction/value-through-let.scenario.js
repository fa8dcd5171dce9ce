const { id } = require('../../test/harness/simulation/kit');

module.exports = {
  modules: {
    '../models/invoice': (mongoose) => mongoose.model('Invoice', new mongoose.Schema({ number: String, paid: Number })),
    '../models/payment': (mongoose) =>
      mongoose.model('Payment', new mongoose.Schema({ invoice: mongoose.Schema.Types.ObjectId, amount: { type: Number, min: 1 } })),
  },
  seed: { Invoice: [{ _id: 'i1', number: 'A-1', paid: 0 }] },
  paths: {
    normal: [{ call: 'pay', args: [id('i1'), 25] }],
    'invalid amount': [{ call: 'pay', args: [id('i1'), 0] }],
  },
};
