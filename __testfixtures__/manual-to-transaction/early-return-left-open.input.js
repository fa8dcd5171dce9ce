const mongoose = require('mongoose');
const Sale = require('../models/saleModel');
const Product = require('../models/productModel');
const Return = require('../models/returnModel');

// The checks return from inside the try without aborting; the finally's endSession() aborted the
// open transaction, and with it whatever the loop had already written.
async function createReturn(saleId, items) {
  const session = await mongoose.startSession();
  session.startTransaction();

  try {
    if (!saleId || !items.length) {
      return { ok: false, status: 400, message: 'Invalid return data' };
    }

    const sale = await Sale.findById(saleId).session(session);
    if (!sale) return { ok: false, status: 404, message: 'Sale not found' };

    for (const item of items) {
      await Product.updateOne({ _id: item.product }, { $inc: { stock: item.quantity } }, { session });
    }
    if (items.some((item) => item.quantity > 10))
      return { ok: false, status: 400, message: 'Too many items' };
    const [created] = await Return.create([{ sale: sale._id, items }], { session });

    await session.commitTransaction();
    return { ok: true, status: 201, id: created._id };
  } catch (err) {
    await session.abortTransaction();
    throw err;
  } finally {
    session.endSession();
  }
}

module.exports = { createReturn };
