const mongoose = require('mongoose');
const Product = require('../models/product');
const ImportLog = require('../models/import-log');

// Bulk import: the count is declared between startTransaction() and the try and read after the
// finally, so it stays in front of transaction(); the timestamp is only used inside.
async function importProducts(rows, userId) {
  const session = await mongoose.startSession();
  session.startTransaction();
  let imported = 0;
  const startedAt = new Date();
  try {
    const created = await Product.insertMany(rows, { session });
    imported = created.length;
    await ImportLog.create([{ user: userId, count: imported, startedAt }], { session });
    await session.commitTransaction();
  } catch (error) {
    await session.abortTransaction();
    throw error;
  } finally {
    session.endSession();
  }
  return { imported };
}

module.exports = { importProducts };
