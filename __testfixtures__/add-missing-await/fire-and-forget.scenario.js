const { id } = require('../../test/harness/simulation/kit');

const js = {
  modules: {
    './order': (mongoose) =>
      mongoose.model('Order', new mongoose.Schema({ kind: String, orderId: mongoose.Schema.Types.ObjectId, shipped: Boolean, version: Number })),
    './logger': () => ({ warn: (...args) => console.warn(...args), info: (...args) => console.info(...args) }),
  },
  seed: { Order: [{ _id: 'o1', kind: 'order', shipped: false, version: 1 }] },
  paths: {
    normal: [{ call: 'markShipped', args: [id('o1')] }],
  },
};

module.exports = { js };
