const mongoose = require('mongoose');
const Order = require('../models/order');
const Payment = require('../models/payment');

// The .catch() answers the request: it becomes a try/catch around the awaited transaction.
async function pay(req, res) {
  try {
    const order = await mongoose.connection.transaction(async (session) => {
      const order2 = await Order.findByIdAndUpdate(req.params.id, { status: 'paid' }, { session, new: true });
      await Payment.create([{ order: order2._id, amount: order2.total }], { session });
      return order2;
    });
    return res.json(order);
  } catch (err) {
    res.status(500).json({ error: err.message });
  }
}

module.exports = { pay };
