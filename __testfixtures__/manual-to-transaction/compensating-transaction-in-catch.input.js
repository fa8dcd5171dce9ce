const mongoose = require('mongoose');
const Order = require('../models/order');
const Product = require('../models/product');
const { makeRazorpay } = require('../lib/razorpay');

// A reservation committed before calling the payment provider; if that call fails, a second,
// compensating transaction (inside the catch) puts the stock back.
exports.createPaymentOrder = async (req, res) => {
  const session = await mongoose.startSession();
  let createdOrderId = null;
  try {
    session.startTransaction();
    const reserved = [];
    for (const item of req.body.items) {
      await Product.updateOne({ _id: item.product }, { $inc: { stock: -item.quantity } }, { session });
      reserved.push(item);
    }
    const [order] = await Order.create([{ items: reserved, status: 'Pending' }], { session });
    createdOrderId = order._id;
    await session.commitTransaction();

    try {
      const payment = await makeRazorpay().orders.create({ receipt: String(createdOrderId) });
      return res.json(payment);
    } catch (err) {
      const revertSession = await mongoose.startSession();
      try {
        revertSession.startTransaction();
        for (const item of reserved) {
          await Product.updateOne({ _id: item.product }, { $inc: { stock: item.quantity } }, { session: revertSession });
        }
        await Order.findByIdAndDelete(createdOrderId).session(revertSession);
        await revertSession.commitTransaction();
      } catch (revertErr) {
        await revertSession.abortTransaction();
        console.error('Failed to revert:', revertErr);
      } finally {
        revertSession.endSession();
      }
      return res.status(502).json({ message: 'Payment provider unavailable' });
    }
  } catch (err) {
    await session.abortTransaction();
    return res.status(500).json({ message: 'Failed to reserve products' });
  } finally {
    session.endSession();
  }
};
