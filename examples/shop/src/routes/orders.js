const express = require('express');
const mongoose = require('mongoose');
const { Order } = require('../models/order');
const Customer = require('../models/customer');
const { sendReceipt } = require('../lib/mailer');

const router = express.Router();

router.post('/orders/:id/pay', async (req, res) => {
  if (!req.session.user) return res.status(401).end();
  const session = await mongoose.startSession();
  session.startTransaction();
  try {
    const order = await Order.findById(req.params.id).session(session);
    if (!order) {
      await session.abortTransaction();
      session.endSession();
      return res.status(404).json({ error: 'order not found' });
    }
    const customer = await Customer.findById(order.customer).session(session);
    if (customer.credit < order.total) {
      await session.abortTransaction();
      session.endSession();
      return res.status(402).json({ error: 'not enough credit' });
    }
    customer.credit -= order.total;
    order.status = 'paid';
    await customer.save({ session });
    await order.save({ session });
    await session.commitTransaction();
    session.endSession();
    await sendReceipt(customer.email, order);
    return res.json(order);
  } catch (err) {
    await session.abortTransaction();
    session.endSession();
    return res.status(500).json({ error: err.message });
  }
});

router.post('/logout', (req, res) => {
  req.session.destroy(() => res.redirect('/'));
});

module.exports = router;
