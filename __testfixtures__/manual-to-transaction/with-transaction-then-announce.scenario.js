const js = {
  paths: { normal: [{ call: 'openShop', args: ['ann', 'Corner'] }] },
};

const ts = {
  setup: ({ mongoose }) => {
    mongoose.model('Shop', new mongoose.Schema({ name: String, owner: String }));
  },
  paths: {
    normal: [{ call: 'ShopService#openShop', construct: ({ mongoose, model }) => [mongoose.connection, model('Shop')], args: ['ann', 'Corner'] }],
  },
};

module.exports = { js, ts };
