const mongoose = require('mongoose');
const Order = require('../models/order');
const Customer = require('../models/customer');
const Visit = require('../models/visit');

// Writes outside any transaction are not this transform's business.
exports.touch = async (id) => {
  await Customer.updateOne({ _id: id }, { $set: { seenAt: new Date() } });
  await Visit.create({ customer: id });
};

// A transaction whose writes all carry the session (and whose reads may go without it).
exports.place = async (data) => {
  const session = await mongoose.startSession();
  session.startTransaction();
  try {
    const customer = await Customer.findById(data.customer);
    const [order] = await Order.create([{ customer: customer._id, total: data.total }], { session });
    await Customer.updateOne({ _id: customer._id }, { $inc: { orders: 1 } }, { session });
    const count = await Order.countDocuments({ customer: customer._id });
    order.position = count;
    await order.save();
    await Visit.deleteMany({ customer: customer._id }).session(session);
    await session.commitTransaction();
    return order;
  } catch (err) {
    await session.abortTransaction();
    throw err;
  } finally {
    await session.endSession();
  }
};

// After the commit, the transaction is over: a session-less write there is outside on purpose.
exports.placeAndCount = async (data) => {
  const session = await mongoose.startSession();
  session.startTransaction();
  const [order] = await Order.create([{ customer: data.customer }], { session });
  await session.commitTransaction();
  await Customer.updateOne({ _id: data.customer }, { $inc: { orders: 1 } });
  await session.endSession();
  return order;
};
