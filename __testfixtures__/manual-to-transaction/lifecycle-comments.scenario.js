const { id, req, res } = require('../../test/harness/simulation/kit');

module.exports = {
  js: {
    modules: {
      '../models/orderModel.js': (mongoose) =>
        mongoose.model('Order', new mongoose.Schema({
          user: String,
          orderItems: [{ product: mongoose.Schema.Types.ObjectId, quantity: Number }],
        })),
      '../models/productModel.js': (mongoose) =>
        mongoose.model('Product', new mongoose.Schema({ name: String, stock: Number })),
    },
    seed: { Product: [{ _id: 'pen', name: 'pen', stock: 5 }] },
    paths: {
      normal: [{ call: 'createOrder', args: [req({ body: { user: 'ann', orderItems: [{ product: id('pen'), quantity: 2 }] } }), res()] }],
      'invalid order': [{ call: 'createOrder', args: [req({ body: { user: 'ann', orderItems: [{ product: 'not-an-id', quantity: 2 }] } }), res()] }],
    },
  },
  ts: {
    modules: {
      './account.model': (mongoose) => ({
        AccountModel: mongoose.model('Account', new mongoose.Schema({ closed: Boolean })),
        WalletModel: mongoose.model('Wallet', new mongoose.Schema({ accountId: mongoose.Schema.Types.ObjectId, balance: Number })),
      }),
    },
    seed: { Account: [{ _id: 'acc', closed: false }, { _id: 'lone', closed: false }], Wallet: [{ accountId: 'acc', balance: 40 }] },
    paths: {
      normal: [(ctx) => ctx.exports.AccountService.closeAccount(ctx.id('acc'))],
      'no wallet': [(ctx) => ctx.exports.AccountService.closeAccount(ctx.id('lone'))],
      'unknown account': [(ctx) => ctx.exports.AccountService.closeAccount(ctx.id('nobody'))],
      'invalid id': [(ctx) => ctx.exports.AccountService.closeAccount('not-an-id')],
    },
  },
};
