const create = (name, size) => ({ call: 'createItemWithPacking', args: [{ name }, { size }] });

const models = {
  item: (mongoose) => mongoose.model('Item', new mongoose.Schema({ name: { type: String, required: true } })),
  packing: (mongoose) => mongoose.model('Packing', new mongoose.Schema({ size: { type: Number, min: 1 }, itemId: mongoose.Schema.Types.ObjectId })),
};

const paths = {
  normal: [create('crate', 3)],
  'invalid packing': [create('crate', 0)],
  'invalid item': [create('', 3)],
};

module.exports = {
  js: {
    modules: { '../models/item': models.item, '../models/packing': models.packing },
    paths,
  },
  ts: {
    modules: {
      '../models/item.model': (mongoose) => ({ ItemModel: mongoose.model('Item', new mongoose.Schema({ name: { type: String, required: true } })) }),
      '../models/packing.model': (mongoose) => ({ PackingModel: mongoose.model('Packing', new mongoose.Schema({ size: { type: Number, min: 1 }, itemId: mongoose.Schema.Types.ObjectId })) }),
    },
    paths,
  },
};
