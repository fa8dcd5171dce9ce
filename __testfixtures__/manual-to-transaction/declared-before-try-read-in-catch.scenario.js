const js = {
  modules: {
    '../models/product': (mongoose) => mongoose.model('Product', new mongoose.Schema({ sku: { type: String, required: true }, price: { type: Number, min: 0 } })),
  },
  paths: {
    normal: [{ call: 'importBatch', args: [[{ sku: 'pen', price: 2 }, { sku: 'ink', price: 5 }]] }],
    'invalid row': [{ call: 'importBatch', args: [[{ sku: 'pen', price: 2 }, { sku: 'ink', price: -1 }]] }],
  },
};

const ts = {
  setup: ({ mongoose }) => {
    mongoose.model('Product', new mongoose.Schema({ sku: { type: String, required: true }, price: { type: Number, min: 0 } }));
  },
  paths: {
    normal: [{ call: 'importBatch', args: ({ model }) => [model('Product'), [{ sku: 'pen', price: 2 }]] }],
    'invalid row': [{ call: 'importBatch', args: ({ model }) => [model('Product'), [{ sku: 'pen', price: 2 }, { sku: 'ink', price: -1 }]] }],
  },
};

module.exports = { js, ts };
