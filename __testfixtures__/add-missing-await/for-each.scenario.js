const lost = 'the forEach and map callbacks are not awaited: the input commits before their writes, which are lost; the output runs them in order';

module.exports = {
  seed: { Product: [{ sku: 'pen', stock: 5 }, { sku: 'ink', stock: 3 }] },
  paths: {
    normal: [{ call: 'reserve', args: [[{ sku: 'pen', quantity: 2 }, { sku: 'ink', quantity: 0 }]] }],
  },
  differences: { normal: { data: lost }, 'commit-fails': { data: lost }, 'transient-commit': { data: lost } },
};
