const mongoose = require('mongoose');
const Order = require('../models/order');
const Product = require('../models/product');

// The queries are built step by step in variables of this function: `query = query.session(session)`
// and a query variable that is given another query. Neither takes the session out of the
// function, so the transaction converts.
exports.archiveStale = async (req, res) => {
  const session = await mongoose.startSession();
  session.startTransaction();
  try {
    let query = Order.find({ status: 'stale' });
    if (req.query.limit) query = query.limit(Number(req.query.limit));
    query = query.session(session);
    const orders = await query;
    let products = Product.find({ _id: { $in: orders.map((o) => o.product) } }).session(session);
    if (req.query.discontinued) products = Product.find({ discontinued: true }).session(session);
    for (const product of await products) {
      product.reserved = 0;
      await product.save({ session });
    }
    for (const order of orders) {
      order.archived = true;
      await order.save({ session });
    }
    await session.commitTransaction();
    res.json({ archived: orders.length });
  } catch (err) {
    await session.abortTransaction();
    res.status(500).json({ message: err.message });
  } finally {
    session.endSession();
  }
};
