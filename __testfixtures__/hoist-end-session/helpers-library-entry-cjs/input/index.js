module.exports = {
  ...require('./lib/transactions'),
  ...require('./lib/migrate'),
};
