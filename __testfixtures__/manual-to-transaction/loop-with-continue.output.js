const mongoose = require('mongoose');
const Order = require('../models/order');
const Product = require('../models/product');

// A payment that failed: the order's items go back to stock (a missing product is skipped),
// with transaction options given to startTransaction(), which is awaited although it is not async.
exports.releaseLockedStock = async (req, res) => {
  const { razorpayOrderId } = req.body;
  try {
    let aborted = false;
    await mongoose.connection.transaction(async (session) => {
      const order = await Order.findOne({ razorpayOrderId }).session(session);
      if (!order) {
        await session.abortTransaction();
        aborted = true;
        return;
      }

      for (const item of order.products) {
        const product = await Product.findById(item.product).session(session);
        if (!product) continue;
        product.stock += item.quantity;
        await product.save({ session });
      }

      order.status = 'Payment Failed';
      await order.save({ session });
    }, {
      readConcern: { level: 'snapshot' },
      writeConcern: { w: 'majority' },
    });
    if (aborted) return res.status(404).json({ message: 'Order not found' });

    return res.status(200).json({ message: 'Stock released successfully.' });
  } catch (err) {
    console.error('Error releasing stock:', err);
    return res.status(500).json({ message: 'Server error while releasing stock' });
  }
};
