const mongoose = require("mongoose");
const Order = require("../models/order");
const { abortAndEnd, commitAndEnd } = require("../utils/transaction");

exports.placeOrder = async (req, res, next) => {
  const session = await mongoose.startSession();
  session.startTransaction();
  try {
    const [order] = await Order.create([{ customerId: req.body.customerId, total: req.body.total }], { session });
    await commitAndEnd(session);
    res.status(201).json(order);
  } catch (err) {
    await abortAndEnd(session);
    next(err);
  } finally {
    await session.endSession();
  }
};
