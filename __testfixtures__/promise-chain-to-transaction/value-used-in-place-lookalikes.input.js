const express = require('express');
const mongoose = require('mongoose');
const Order = require('../models/order');

const router = express.Router();
let lastOrder = null;

// Chains awaited in place where the statement cannot be split without changing what runs when.
router.get('/orders/latest', async (req, res) => {
  let session;
  res.json(
    lastOrder ||
      (await mongoose
        .startSession()
        .then((s) => {
          session = s;
          session.startTransaction();
          return Order.findOne({}, null, { session, sort: { createdAt: -1 } });
        })
        .then((order) => session.commitTransaction().then(() => order))
        .finally(() => session.endSession())),
  );
});

router.post('/orders', async (req, res) => {
  let session;
  if (req.body.item)
    res.json(
      await mongoose
        .startSession()
        .then((s) => {
          session = s;
          session.startTransaction();
          return Order.create([{ item: req.body.item }], { session });
        })
        .then(([order]) => session.commitTransaction().then(() => order))
        .finally(() => session.endSession()),
    );
  else res.status(400).end();
});

router.post('/orders/:id/pay', async (req, res) => {
  let session;
  res.json({
    previous: lastOrder,
    paid: await mongoose
      .startSession()
      .then((s) => {
        session = s;
        session.startTransaction();
        return Order.findByIdAndUpdate(req.params.id, { paid: true }, { session, new: true });
      })
      .then((order) => {
        lastOrder = order;
        return session.commitTransaction().then(() => order);
      })
      .finally(() => session.endSession()),
  });
});

// Not a transaction: a plain query chain, awaited in place.
router.get('/orders', async (req, res) => {
  res.json(await Order.find({ user: req.query.user }).then((orders) => orders.map((o) => o.item)));
});

module.exports = router;
