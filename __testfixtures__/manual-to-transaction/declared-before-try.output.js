const mongoose = require('mongoose');
const Product = require('../models/product');
const ImportLog = require('../models/import-log');

// Bulk import: the count is declared between startTransaction() and the try and read after the
// finally, so it stays in front of transaction(); the timestamp is only used inside.
async function importProducts(rows, userId) {
  let imported = 0;
  await mongoose.connection.transaction(async (session) => {
    const startedAt = new Date();
    const created = await Product.insertMany(rows, { session });
    imported = created.length;
    await ImportLog.create([{ user: userId, count: imported, startedAt }], { session });
  });
  return { imported };
}

module.exports = { importProducts };
