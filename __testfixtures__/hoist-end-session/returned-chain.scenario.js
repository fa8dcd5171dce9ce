const { id } = require('../../test/harness/simulation/kit');

const js = {
  modules: {
    '../models': (mongoose) => ({
      Order: mongoose.model('Order', new mongoose.Schema({ customerId: String, items: Array, createdAt: Date, archived: Boolean })),
      Stock: mongoose.model('Stock', new mongoose.Schema({ sku: String, reserved: Number })),
    }),
  },
  seed: {
    Stock: [{ sku: 'pen', reserved: 0 }, { sku: 'ink', reserved: 1 }],
    Order: [{ _id: 'old', customerId: 'ann', items: [], createdAt: new Date('2020-01-01T00:00:00Z'), archived: false }],
  },
  paths: {
    normal: [
      { call: 'placeOrder', args: [[{ sku: 'pen', quantity: 2 }, { sku: 'ink', quantity: 1 }], 'bob'] },
      { call: 'cancelOrder', args: [id('old')] },
      { call: 'archiveOrders', args: [new Date('2021-01-01T00:00:00Z')] },
    ],
  },
};

const ts = {
  modules: {
    '../models': (mongoose) => ({
      FormModel: mongoose.model('Form', new mongoose.Schema({ title: String })),
      WorkspaceModel: mongoose.model('Workspace', new mongoose.Schema({ title: String, formIds: Array })),
    }),
  },
  seed: { Workspace: [{ _id: 'ws', title: 'Team', formIds: [] }, { _id: 'gone', title: 'Old', formIds: [] }] },
  paths: {
    normal: [
      { call: 'createFormInWorkspaceTransaction', args: [{ title: 'Survey' }, id('ws')] },
      { call: 'moveFormsTransaction', args: [id('ws'), ['f1', 'f2']] },
      { call: 'deleteWorkspaceTransaction', args: [id('gone')] },
    ],
  },
};

module.exports = { js, ts };
