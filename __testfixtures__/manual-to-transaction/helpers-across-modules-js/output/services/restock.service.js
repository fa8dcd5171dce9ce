const mongoose = require('mongoose');
const Restock = require('../models/Restock');
const labels = require('../lib/labels');
const warehouse = require('../lib/warehouse');

async function requestRestock(sku, units) {
  const restock = await mongoose.connection.transaction(async (session) => {
    const label = labels.labelFor(sku, units);
    const [restock] = await Restock.create([{ sku, units, label }], { session });
    return restock;
  });
  return restock;
}

async function rushRestock(sku, units) {
  const session = await mongoose.startSession();
  session.startTransaction();
  try {
    const [restock] = await Restock.create([{ sku, units, label: labels.labelFor(sku, units) }], { session });
    await warehouse.book(sku, units, session);
    await session.commitTransaction();
    return restock;
  } catch (error) {
    await session.abortTransaction();
    throw error;
  } finally {
    session.endSession();
  }
}

module.exports = { requestRestock, rushRestock };
