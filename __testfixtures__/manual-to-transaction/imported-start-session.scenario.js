const { id, req, res } = require('../../test/harness/simulation/kit');

const place = (shelf, slot, ops, kg) => ({ exports }) => exports.ShelfService.placeContainer(id(shelf), slot, id(ops), kg);
const empty = (shelf, slot) => ({ exports }) => exports.ShelfService.emptySlot(id(shelf), slot);

const ts = {
  modules: {
    '../models/Shelf.model': (mongoose) =>
      mongoose.model('Shelf', new mongoose.Schema({ slots: [{ slotId: String, containerOpsId: mongoose.Schema.Types.ObjectId, currentWeightKg: Number }] })),
    '../models/ContainerOps.model': (mongoose) => mongoose.model('ContainerOps', new mongoose.Schema({ state: String })),
    '../utils/ApiError': () =>
      class ApiError extends Error {
        constructor(status, message) {
          super(message);
          this.status = status;
        }
      },
  },
  seed: {
    Shelf: [{ _id: 'shelf', slots: [{ slotId: 'A1', currentWeightKg: 0 }, { slotId: 'A2', containerOpsId: id('old'), currentWeightKg: 4 }] }],
    ContainerOps: [{ _id: 'box', state: 'sorted' }],
  },
  paths: {
    normal: [place('shelf', 'A1', 'box', 3), empty('shelf', 'A2')],
    'no such slot': [place('shelf', 'Z9', 'box', 3)],
    'no such shelf': [empty('nowhere', 'A1')],
  },
};

const createOrder = (productId, quantity) => ({ call: 'createOrder', args: [req({ body: { productId: id(productId), quantity } }), res()] });

const js = {
  modules: {
    '../models/order': (mongoose) => mongoose.model('Order', new mongoose.Schema({ product: mongoose.Schema.Types.ObjectId, quantity: Number })),
    '../models/product': (mongoose) => mongoose.model('Product', new mongoose.Schema({ name: String, stock: Number })),
  },
  seed: { Product: [{ _id: 'pen', name: 'pen', stock: 5 }] },
  paths: {
    normal: [createOrder('pen', 2)],
    'out of stock': [createOrder('pen', 9)],
    'no such product': [createOrder('ink', 1)],
  },
};

module.exports = { ts, js };
