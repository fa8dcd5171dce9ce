const { id } = require('../../test/harness/simulation/kit');

module.exports = {
  modules: {
    '../models/product': (mongoose) => mongoose.model('Product', new mongoose.Schema({ name: String, stock: Number })),
    '../models/stock-movement': (mongoose) =>
      mongoose.model('StockMovement', new mongoose.Schema({ product: mongoose.Schema.Types.ObjectId, quantity: { type: Number, min: 1 } })),
  },
  seed: { Product: [{ _id: 'pen', name: 'pen', stock: 5 }] },
  paths: {
    normal: [{ call: 'restock', args: [id('pen'), 3] }],
    'invalid quantity': [{ call: 'restock', args: [id('pen'), 0] }],
  },
};
