const mongoose = require('mongoose');
const Order = require('../models/order');
const Product = require('../models/product');

// A payment that failed: the order's items go back to stock (a missing product is skipped),
// with transaction options given to startTransaction(), which is awaited although it is not async.
exports.releaseLockedStock = async (req, res) => {
  const { razorpayOrderId } = req.body;
  const session = await mongoose.startSession();
  try {
    await session.startTransaction({
      readConcern: { level: 'snapshot' },
      writeConcern: { w: 'majority' },
    });

    const order = await Order.findOne({ razorpayOrderId }).session(session);
    if (!order) {
      await session.abortTransaction();
      return res.status(404).json({ message: 'Order not found' });
    }

    for (const item of order.products) {
      const product = await Product.findById(item.product).session(session);
      if (!product) continue;
      product.stock += item.quantity;
      await product.save({ session });
    }

    order.status = 'Payment Failed';
    await order.save({ session });

    await session.commitTransaction();
    return res.status(200).json({ message: 'Stock released successfully.' });
  } catch (err) {
    try { await session.abortTransaction(); } catch (e) { console.error('Abort failed:', e); }
    console.error('Error releasing stock:', err);
    return res.status(500).json({ message: 'Server error while releasing stock' });
  } finally {
    session.endSession();
  }
};
