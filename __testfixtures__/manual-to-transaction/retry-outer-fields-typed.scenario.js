const { id } = require('../../test/harness/simulation/kit');

const makePrimary = (key) => async ({ mongoose, exports, model }) => {
  const newKey = await model('Key').findById(id(key));
  return new exports.PrimaryKeyService(mongoose.connection, model('Key')).makePrimary(newKey);
};

module.exports = {
  setup: ({ mongoose }) => {
    mongoose.model('Key', new mongoose.Schema({ customer: String, value: String, isPrimary: Boolean }));
  },
  seed: {
    Key: [
      { _id: 'k1', customer: 'acme', value: 'old', isPrimary: true },
      { _id: 'k2', customer: 'acme', value: 'new', isPrimary: false },
      { _id: 'k3', customer: 'zeta', value: 'only', isPrimary: false },
    ],
  },
  paths: {
    normal: [makePrimary('k2')],
    'already primary': [makePrimary('k1')],
    'first key of its customer': [makePrimary('k3')],
  },
};
