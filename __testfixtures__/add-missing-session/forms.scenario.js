const { id, req, res } = require('../../test/harness/simulation/kit');

const checkout = (user, giftOrders = []) => ({ call: 'checkout', args: [req({ user: { id: id(user) }, body: { giftOrders } }), res()] });

module.exports = {
  js: {
    modules: {
      '../models/order': (mongoose) => mongoose.model('Order', new mongoose.Schema({ user: mongoose.Schema.Types.ObjectId, items: Array, total: Number })),
      '../models/product': (mongoose) => {
        const Product = mongoose.model('Product', new mongoose.Schema({ sku: String, stock: Number }));
        // The simulator has no bulkWrite(): the same updates, one by one, with the same options.
        Product.bulkWrite = async (ops, options) => {
          for (const { updateOne } of ops) await Product.updateOne(updateOne.filter, updateOne.update, options);
        };
        return Product;
      },
      '../models/invoice': (mongoose) => mongoose.model('Invoice', new mongoose.Schema({ order: mongoose.Schema.Types.ObjectId, total: Number, kind: String })),
      '../models/cart': (mongoose) =>
        mongoose.model('Cart', new mongoose.Schema({ user: mongoose.Schema.Types.ObjectId, items: Array, total: Number, checkedOutAt: Date, abandoned: Boolean })),
    },
    seed: {
      Product: [{ _id: 'pen', sku: 'pen', stock: 5 }],
      Cart: [{ user: id('ann'), items: [{ product: id('pen'), quantity: 2 }], total: 6 }, { user: id('ann'), items: [], total: 0, abandoned: true }],
    },
    differences: {
      'commit-fails': { data: 'the failed commit now undoes every write of the checkout; before, they ran outside the transaction and stayed' },
    },
    paths: {
      normal: [checkout('ann', [{ user: id('ann'), total: 1 }])],
    },
  },
  ts: {
    modules: {
      '../models/account': (mongoose) => ({ Account: mongoose.model('Account', new mongoose.Schema({ balance: Number, closed: Boolean })) }),
      '../models/ledger-entry': (mongoose) =>
        ({ LedgerEntry: mongoose.model('LedgerEntry', new mongoose.Schema({ account: mongoose.Schema.Types.ObjectId, amount: Number, pending: Boolean })) }),
      '../models/transfer': (mongoose) =>
        ({ Transfer: mongoose.model('Transfer', new mongoose.Schema({ from: mongoose.Schema.Types.ObjectId, to: mongoose.Schema.Types.ObjectId, amount: Number, status: String })) }),
    },
    seed: {
      Account: [{ _id: 'ann', balance: 50 }, { _id: 'bob', balance: 5 }],
      LedgerEntry: [{ account: id('bob'), amount: 1, pending: true }],
    },
    // The input's create() of two ledger entries with a session and without ordered throws on 8.10+,
    // after the balances were changed outside the transaction.
    differences: {
      normal: { calls: 'the transfer now completes', data: 'the ledger entries and the transfer record are now written with the balance changes' },
      'transient-commit': { calls: 'the transfer now completes', data: 'the ledger entries and the transfer record are now written with the balance changes' },
      'commit-fails': { calls: 'the transfer now completes', data: 'the ledger entries and the transfer record are now written with the balance changes' },
    },
    paths: {
      normal: [{ call: 'transfer', args: [id('ann'), id('bob'), 20] }],
      'insufficient funds': [{ call: 'transfer', args: [id('bob'), id('ann'), 20] }],
      close: [{ call: 'close', args: [id('bob')] }],
    },
  },
};
