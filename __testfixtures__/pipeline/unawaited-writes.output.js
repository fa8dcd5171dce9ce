const mongoose = require('mongoose');
const Order = require('../models/order');
const Payment = require('../models/payment');
const Receipt = require('../models/receipt');
const Ledger = require('../models/ledger');
const Stock = require('../models/stock');

// Paying an order (CommonJS controller): the writes nobody awaits would not be part of the
// transaction even with the session (an eager one may finish after the commit, a query never
// runs), so alone this transform leaves them as written and says why; the awaited write gets
// the session, and the write after the commit is outside the transaction on purpose.
exports.pay = async (req, res) => {
  const { orderId } = req.params;
  const session = await mongoose.startSession();
  session.startTransaction();
  try {
    await Order.updateOne({ _id: orderId }, { $set: { status: 'paying' } }, { session });
    await Order.updateOne({ _id: orderId }, { $set: { paidAt: new Date() } }, { session });
    await Receipt.create([{ order: orderId, amount: req.body.amount }], { session });
    await new Payment({ order: orderId, amount: req.body.amount }).save({ session });
    void Ledger.insertMany([{ order: orderId, amount: req.body.amount }]);
    req.body.items.forEach((item) => Stock.updateOne({ sku: item.sku }, { $inc: { held: -item.quantity } }).exec());
    for (const item of req.body.items) {
      await Stock.updateOne({ sku: item.sku }, { $inc: { sold: item.quantity } }, { session });
    }
    await session.commitTransaction();
    Order.updateOne({ _id: orderId }, { $set: { notifiedAt: new Date() } }).exec();
    res.json({ ok: true });
  } catch (err) {
    if (session.inTransaction()) await session.abortTransaction();
    res.status(500).json({ message: err.message });
  } finally {
    await session.endSession();
  }
};
