const { Order, Product } = require('../models');
const { runInTransaction } = require('../utils/transaction');

const reserveStock = async (items, session) => {
  await Promise.all(items.map((sku) => Product.updateOne({ sku }, { $inc: { stock: -1 } }, { session })));
};

exports.placeOrder = async (req, res, next) => {
  try {
    const order = await runInTransaction(async (session) => {
      const [created] = await Order.create([{ items: req.body.items, total: req.body.total, status: 'placed' }], { session });
      await reserveStock(req.body.items, session);
      return created;
    });
    res.status(201).json(order);
  } catch (err) {
    next(err);
  }
};

exports.cancelOrder = async (req, res, next) => {
  try {
    await runInTransaction(async (session) => {
      await Order.updateOne({ _id: req.params.id }, { $set: { status: 'cancelled' } });
      await Product.updateMany({ sku: { $in: req.body.items } }, { $inc: { stock: 1 } }, { session });
    });
    res.sendStatus(204);
  } catch (err) {
    next(err);
  }
};
