const { withTransaction } = require('./transaction');
const { moveStock } = require('./stock');

module.exports = { withTransaction, moveStock };
