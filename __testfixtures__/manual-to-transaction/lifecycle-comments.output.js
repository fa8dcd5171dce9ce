import mongoose from 'mongoose';
import Order from '../models/orderModel.js';
import Product from '../models/productModel.js';

// The comment over the start speaks of what transaction() now does: it goes above the call. Those
// over the commit and the abort speak of calls that go: they go with them.
export const createOrder = async (req, res) => {
  // Start the transaction
  const orderDoc = await mongoose.connection.transaction(async (session) => {
    // Make the order creation part of the transaction
    const orderDoc = await Order.create([req.body], { session });
    for (const item of orderDoc[0].orderItems) {
      await Product.updateOne({ _id: item.product }, { $inc: { stock: -item.quantity } }, { session });
    }
    return orderDoc;
  });

  res.status(201).json({ status: 'success', data: orderDoc });
};
