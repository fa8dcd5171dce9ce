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
      for (const line of req.body.lines) {
        await reserveLine(line, session);
      }
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
        releases.push(await Stock.updateOne({ sku: line.sku }, { $inc: { available: line.quantity } }, { session }));
      }
      return releases;
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
      for (const line of req.body.lines) {
        if (line.damaged) continue;
        await Stock.updateOne({ sku: line.sku }, { $inc: { available: line.quantity } }, { session });
      }
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
