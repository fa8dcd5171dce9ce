const { Order, Product } = require('../models');
const tx = require('../utils/transaction');

async function restock(session, order) {
  for (const sku of order.items) {
    await Product.updateOne({ sku }, { $inc: { stock: 1 } }, { session });
  }
  await Order.updateOne({ _id: order._id }, { $set: { status: 'returned' } }, { session });
}

exports.returnOrder = async (req, res, next) => {
  try {
    const order = await Order.findById(req.params.id);
    await tx.runInTransaction((session) => restock(session, order));
    res.sendStatus(204);
  } catch (err) {
    next(err);
  }
};
