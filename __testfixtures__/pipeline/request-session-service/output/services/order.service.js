const { Book, Order, Ledger } = require('../models');

const reserveStock = async (lines, session) => {
  for (const line of lines) {
    await Book.updateOne({ isbn: line.isbn }, { $inc: { stock: -line.qty } }, { session });
  }
};

const placeOrder = async (customer, lines, session) => {
  await reserveStock(lines, session);
  const [order] = await Order.create([{ customer, lines, status: 'placed' }], { session });
  await session.commitTransaction();
  await session.endSession();
  return order;
};

const refundOrder = async (orderId, session) => {
  try {
    const order = await Order.findById(orderId).session(session);
    await Order.updateOne({ _id: orderId }, { status: 'refunded' }, { session });
    await Ledger.create([{ order: orderId, amount: -order.total }], { session });
    await session.commitTransaction();
    return order;
  } catch (err) {
    if (session.inTransaction()) await session.abortTransaction();
    throw err;
  }
};

module.exports = { reserveStock, placeOrder, refundOrder };
