const { Order, Product } = require('../models');
const { runInTransaction } = require('../utils/transaction');
const ledger = require('../repositories/ledger');

const reserveStock = async (items, session) => {
  for (const sku of items) {
    await Product.updateOne({ sku }, { $inc: { stock: -1 } }, { session });
  }
};

exports.placeOrder = async (req, res, next) => {
  try {
    const order = await runInTransaction(async (session) => {
      const [created] = await Order.create([{ items: req.body.items, total: req.body.total, status: 'placed' }], { session });
      await reserveStock(req.body.items, session);
      await ledger.record({ order: created._id, amount: req.body.total }, session);
      return created;
    });
    res.status(201).json(order);
  } catch (err) {
    next(err);
  }
};
