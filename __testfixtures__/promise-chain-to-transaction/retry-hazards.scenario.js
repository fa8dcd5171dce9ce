module.exports = {
  setup: () => {
    globalThis.reserveAtWarehouse = async (sku) => globalThis.__txsimScenario.effect('warehouse.reserve', sku);
  },
  seed: { Stock: [{ sku: 'pen', count: 5 }] },
  paths: {
    normal: [
      { call: 'take', args: ['pen', 2] },
      { call: 'takeAudited', args: ['pen'] },
      { call: 'takeReserved', args: ['pen'] },
    ],
    'no such stock': [{ call: 'take', args: ['ink', 1] }],
  },
};
