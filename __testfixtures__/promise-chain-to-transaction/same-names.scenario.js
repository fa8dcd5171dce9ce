const pay = (owner, rate) => ({ call: 'payInterest', args: ({ mongoose, model }) => [mongoose.connection, model('Account'), owner, rate] });

module.exports = {
  js: {
    modules: {
      './order': (mongoose) => mongoose.model('Order', new mongoose.Schema({ customer: String, lines: [{ price: Number }] })),
      './invoice': (mongoose) => mongoose.model('Invoice', new mongoose.Schema({ order: mongoose.Schema.Types.ObjectId, total: Number, gross: Number })),
    },
    seed: { Order: [{ customer: 'ann', lines: [{ price: 10 }, { price: 5 }] }] },
    paths: {
      normal: [{ call: 'settle', args: ['ann'] }],
      'no order': [{ call: 'settle', args: ['bob'] }],
    },
  },
  ts: {
    setup: ({ mongoose }) => mongoose.model('Account', new mongoose.Schema({ owner: String, balance: Number })),
    seed: { Account: [{ owner: 'ann', balance: 100 }] },
    paths: {
      normal: [pay('ann', 0.055)],
      'no such account': [pay('bob', 0.05)],
    },
  },
};
