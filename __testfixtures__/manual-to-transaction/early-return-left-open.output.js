const mongoose = require('mongoose');
const Sale = require('../models/saleModel');
const Product = require('../models/productModel');
const Return = require('../models/returnModel');

// The checks return from inside the try without aborting; the finally's endSession() aborted the
// open transaction, and with it whatever the loop had already written.
async function createReturn(saleId, items) {
  let aborted = false;
  let aborted2 = false;
  let aborted3 = false;
  const result = await mongoose.connection.transaction(async (session) => {
    if (!saleId || !items.length) {
      await session.abortTransaction();
      aborted = true;
      return;
    }

    const sale = await Sale.findById(saleId).session(session);
    if (!sale) {
      await session.abortTransaction();
      aborted2 = true;
      return;
    }

    for (const item of items) {
      await Product.updateOne({ _id: item.product }, { $inc: { stock: item.quantity } }, { session });
    }
    if (items.some((item) => item.quantity > 10)) {
      await session.abortTransaction();
      aborted3 = true;
      return;
    }
    const [created] = await Return.create([{ sale: sale._id, items }], { session });
    return created;
  });
  if (aborted) return { ok: false, status: 400, message: 'Invalid return data' };
  if (aborted2) return { ok: false, status: 404, message: 'Sale not found' };
  if (aborted3) return { ok: false, status: 400, message: 'Too many items' };
  const created = result;

  return { ok: true, status: 201, id: created._id };
}

module.exports = { createReturn };
