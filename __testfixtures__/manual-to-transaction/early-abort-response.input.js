const mongoose = require('mongoose');
const Order = require('../models/order');
const Product = require('../models/product');

// Releasing the stock of an order: when the order is missing the transaction is aborted on
// purpose and the client gets a 404; otherwise every item goes back to stock.
exports.releaseStock = async (req, res) => {
  const session = await mongoose.startSession();
  try {
    session.startTransaction();
    const order = await Order.findById(req.params.id).session(session);
    if (!order) {
      await session.abortTransaction();
      return res.status(404).json({ message: 'Order not found' });
    }
    for (const item of order.items) {
      await Product.updateOne({ _id: item.product }, { $inc: { stock: item.quantity } }, { session });
    }
    order.status = 'released';
    await order.save({ session });
    await session.commitTransaction();
    return res.status(200).json({ message: 'Stock released' });
  } catch (err) {
    if (session.inTransaction()) await session.abortTransaction();
    console.error('Error releasing stock:', err);
    return res.status(500).json({ message: 'Server error while releasing stock' });
  } finally {
    session.endSession();
  }
};
