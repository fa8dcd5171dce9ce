import mongoose from 'mongoose';
import Order from '../models/orderModel.js';
import Product from '../models/productModel.js';

// The comment over the start speaks of what transaction() now does: it goes above the call. Those
// over the commit and the abort speak of calls that go: they go with them.
export const createOrder = async (req, res) => {
  const session = await mongoose.startSession();

  // Start the transaction
  session.startTransaction();

  try {
    // Make the order creation part of the transaction
    const orderDoc = await Order.create([req.body], { session });
    for (const item of orderDoc[0].orderItems) {
      await Product.updateOne({ _id: item.product }, { $inc: { stock: -item.quantity } }, { session });
    }

    // If no error, commit the transaction and reflect changes in database
    await session.commitTransaction();

    res.status(201).json({ status: 'success', data: orderDoc });
  } catch (err) {
    // Abort all transactions if error occurred
    await session.abortTransaction();
    throw err;
  } finally {
    session.endSession();
  }
};
