const archive = (name) => ({ call: 'archiveProject', args: ({ mongoose, model }) => [mongoose.connection, model('Project'), name] });

module.exports = {
  js: {
    modules: {
      '../models/order': (mongoose) => mongoose.model('Order', new mongoose.Schema({ sku: { type: String, required: true }, qty: Number })),
      '../models/stock': (mongoose) => mongoose.model('Stock', new mongoose.Schema({ sku: String, qty: Number })),
    },
    seed: { Stock: [{ sku: 'pen', qty: 5 }] },
    paths: {
      normal: [{ call: 'reserve', args: [{ sku: 'pen', qty: 2 }] }, { call: 'release', args: [{ sku: 'pen', qty: 1 }] }],
      'invalid order': [{ call: 'reserve', args: [{ qty: 2 }] }],
    },
  },
  ts: {
    setup: ({ mongoose }) => mongoose.model('Project', new mongoose.Schema({ name: String, archived: Boolean })),
    seed: { Project: [{ name: 'apollo', archived: false }] },
    paths: {
      normal: [archive('apollo')],
      'no such project': [archive('gemini')],
    },
  },
};
