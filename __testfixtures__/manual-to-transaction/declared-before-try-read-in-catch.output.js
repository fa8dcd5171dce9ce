const mongoose = require('mongoose');
const Product = require('../models/product');

// A rollback check: the skus are declared between startTransaction() and the try and read by the
// catch, which counts what the abort left behind, so they stay in front of transaction().
async function importBatch(rows) {
  // skus of this batch, for the failure report
  const skus = rows.map((row) => row.sku);

  try {
    await mongoose.connection.transaction(async (session) => {
      await Product.insertMany(rows, { session });
    });
  } catch (err) {
    const left = await Product.countDocuments({ sku: { $in: skus } });
    return { imported: 0, skus, left };
  }
  return { imported: rows.length };
}

module.exports = { importBatch };
