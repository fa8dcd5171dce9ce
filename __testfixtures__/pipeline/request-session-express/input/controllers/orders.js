const { Order, Product } = require('../models');

exports.placeOrder = async (req, res) => {
  const session = req.dbSession;
  const { items } = req.body;
  await Promise.all(items.map((item) => Product.updateOne({ sku: item.sku }, { $inc: { stock: -item.qty } }, { session })));
  const [order] = await Order.create([{ user: req.session.userId, items, status: 'placed' }], { session });
  await session.commitTransaction();
  session.endSession();
  res.status(201).json(order);
};

exports.cancelOrder = async (req, res) => {
  const order = await Order.findById(req.params.id).session(req.dbSession);
  if (!order) {
    await req.dbSession.abortTransaction();
    return res.status(404).json({ message: 'not found' });
  }
  order.status = 'cancelled';
  await order.save({ session: req.dbSession });
  res.json(order);
};

// express-session's own session: it is saved and destroyed, never committed.
exports.logout = (req, res) => {
  req.session.destroy(() => res.status(204).end());
};
