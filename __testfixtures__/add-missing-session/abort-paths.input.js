const mongoose = require('mongoose');
const Order = require('../models/order');
const Stock = require('../models/stock');
const FailedOrder = require('../models/failed-order');

// Writes on the way to an abort, in a catch or in a finally are meant to outlive the transaction:
// with its session the abort would undo them. None of them is touched, and nothing is reported.
exports.place = async (req, res) => {
  const session = await mongoose.startSession();
  session.startTransaction();
  try {
    const stock = await Stock.findOne({ sku: req.body.sku }).session(session);
    if (!stock || stock.quantity < req.body.quantity) {
      await FailedOrder.create([{ sku: req.body.sku, reason: 'out of stock' }]);
      await session.abortTransaction();
      return res.status(409).json({ message: 'Out of stock' });
    }
    if (req.body.quantity > 100) {
      await FailedOrder.create([{ sku: req.body.sku, reason: 'too many' }]);
      throw new Error('too many items');
    }
    await Stock.updateOne({ _id: stock._id }, { $inc: { quantity: -req.body.quantity } }, { session });
    await Order.create([{ sku: req.body.sku, quantity: req.body.quantity }], { session });
    await session.commitTransaction();
    res.status(201).end();
  } catch (err) {
    await FailedOrder.create([{ sku: req.body.sku, reason: err.message }]);
    await session.abortTransaction();
    res.status(500).json({ message: err.message });
  } finally {
    await Stock.updateOne({ sku: req.body.sku }, { $set: { lastAttempt: new Date() } });
    session.endSession();
  }
};

// In a transaction() callback, a throw aborts: what is written just before it is meant to stay.
exports.reserve = async (sku, quantity) => {
  await mongoose.connection.transaction(async (session) => {
    const stock = await Stock.findOne({ sku }).session(session);
    if (!stock) {
      await FailedOrder.create([{ sku, reason: 'unknown sku' }]);
      throw new Error(`unknown sku ${sku}`);
    }
    try {
      await Stock.updateOne({ sku }, { $inc: { reserved: quantity } }, { session });
    } catch (err) {
      await FailedOrder.create([{ sku, reason: err.message }]);
      throw err;
    }
    setImmediate(() => {
      Stock.updateOne({ sku }, { $set: { touchedAt: new Date() } }).exec();
    });
  });
};
