const ship = (sku, units) => ({ call: 'shipUnits', args: [{ sku, units }] });

const seed = { Stock: [{ sku: 'pen', available: 5 }] };
const paths = {
  normal: [ship('pen', 2)],
  'not enough stock': [ship('pen', 9)],
};

module.exports = {
  js: {
    modules: {
      '../models/stock': (mongoose) => mongoose.model('Stock', new mongoose.Schema({ sku: String, available: Number })),
      '../models/shipment': (mongoose) => mongoose.model('Shipment', new mongoose.Schema({ sku: String, units: Number, state: String })),
    },
    seed,
    paths,
  },
  ts: { seed, paths },
};
