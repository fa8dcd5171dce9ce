const express = require('express');
const mongoose = require('mongoose');
const Order = require('../models/order');
const Stock = require('../models/stock');

const router = express.Router();

async function reserveLine(line, session) {
  await Stock.updateOne({ sku: line.sku }, { $inc: { available: -line.quantity } }, { session });
  return Order.updateOne({ _id: line.order }, { $push: { reserved: line.sku } }, { session });
}

// Each line is pushed from a forEach callback, then all of them are waited for together.
router.post('/orders/:id/reserve', async (req, res, next) => {
  try {
    await mongoose.connection.transaction(async (session) => {
      const reservations = [];
      req.body.lines.forEach((line) => reservations.push(reserveLine(line, session)));
      await Promise.all(reservations);
    });
    res.status(204).end();
  } catch (error) {
    next(error);
  }
});

// The transaction callback hands the combined promise back without awaiting it.
router.post('/orders/:id/release', async (req, res, next) => {
  try {
    await mongoose.connection.transaction(async (session) => {
      const releases = [];
      for (const line of req.body.lines) {
        releases.push(Stock.updateOne({ sku: line.sku }, { $inc: { available: line.quantity } }, { session }));
      }
      return Promise.all(releases);
    });
    res.status(204).end();
  } catch (error) {
    next(error);
  }
});

// Waited for only when something was collected.
router.post('/orders/:id/restock', async (req, res, next) => {
  try {
    await mongoose.connection.transaction(async (session) => {
      const restocks = [];
      for (const line of req.body.lines) {
        if (line.damaged) continue;
        restocks.push(Stock.updateOne({ sku: line.sku }, { $inc: { available: line.quantity } }, { session }));
      }
      if (restocks.length) await Promise.all(restocks);
    });
    res.status(204).end();
  } catch (error) {
    next(error);
  }
});

// Already one at a time: nothing to say.
router.post('/orders/:id/settle', async (req, res, next) => {
  try {
    await mongoose.connection.transaction(async (session) => {
      for (const line of req.body.lines) await reserveLine(line, session);
    });
    res.status(204).end();
  } catch (error) {
    next(error);
  }
});

module.exports = router;
