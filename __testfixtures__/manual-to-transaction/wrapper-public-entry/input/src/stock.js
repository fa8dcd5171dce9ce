const mongoose = require('mongoose');
const { withTransaction } = require('./transaction');

const Stock = mongoose.model('Stock', new mongoose.Schema({ sku: String, warehouse: String, units: Number }));

async function moveStock(sku, from, to, units) {
  await withTransaction(async (session) => {
    await Stock.updateOne({ sku, warehouse: from }, { $inc: { units: -units } }, { session });
    await Stock.updateOne({ sku, warehouse: to }, { $inc: { units } }, { session });
  });
}

module.exports = { moveStock };
