const { req, res } = require('../../test/harness/simulation/kit');

const purchase = (products) => ({ call: 'create', args: [req({ body: { buyer: 'ann', products } }), res()] });

module.exports = {
  modules: {
    '../middleware/db': () => ({ createItem: async (body, model, session) => (await model.create([body], { session }))[0] }),
    '../models/purchase': (mongoose) => mongoose.model('Purchase', new mongoose.Schema({ buyer: String })),
    '../models/purchaseDetail': (mongoose) => mongoose.model('PurchaseDetail', new mongoose.Schema({ sku: { type: String, required: true }, qty: Number, purchaseId: mongoose.Schema.Types.ObjectId })),
  },
  seed: {},
  paths: {
    normal: [purchase([{ sku: 'pen', qty: 2 }, { sku: 'ink', qty: 1 }])],
    'a row is invalid': [purchase([{ sku: 'pen', qty: 2 }, { qty: 1 }])],
  },
};
