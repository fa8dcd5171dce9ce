const { Order, Product } = require('../models');
const tx = require('../utils/transaction');

exports.placeOrder = async (req, res, next) => {
  try {
    const order = await tx.runInTransaction(async (session) => {
      const [created] = await Order.create([{ items: req.body.items, total: req.body.total }], { session });
      await Promise.all(
        req.body.items.map(async (sku) => {
          await Product.updateOne({ sku }, { $inc: { stock: -1 } }, { session });
        }),
      );
      return created;
    });
    res.status(201).json(order);
  } catch (err) {
    next(err);
  }
};

exports.cancelOrder = async (req, res, next) => {
  try {
    await tx.runInTransaction(async (session) => {
      const order = await Order.findById(req.params.id).session(session);
      order.items.forEach(async (sku) => {
        await Product.updateOne({ sku }, { $inc: { stock: 1 } }, { session });
      });
      await Order.deleteOne({ _id: order._id }, { session });
    });
    res.sendStatus(204);
  } catch (err) {
    next(err);
  }
};
