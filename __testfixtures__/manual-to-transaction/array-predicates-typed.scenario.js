const { id } = require('../../test/harness/simulation/kit');

const reserve = (warehouse, lines) => ({
  call: 'ReservationService#reserve',
  construct: ({ mongoose, model }) => [mongoose.connection, model('Warehouse')],
  args: ({ mongoose }) => [new mongoose.Types.ObjectId(id(warehouse)), lines],
});

module.exports = {
  setup: ({ mongoose }) =>
    mongoose.model('Warehouse', new mongoose.Schema({ name: String, stock: [{ sku: String, count: Number }] })),
  seed: { Warehouse: [{ _id: 'north', name: 'north', stock: [{ sku: 'pen', count: 5 }, { sku: 'ink', count: 1 }] }] },
  paths: {
    normal: [reserve('north', [{ sku: 'pen', quantity: 2 }, { sku: 'ink', quantity: 1 }])],
    'not enough stock': [reserve('north', [{ sku: 'ink', quantity: 2 }])],
    'no such warehouse': [reserve('south', [{ sku: 'pen', quantity: 1 }])],
  },
};
