import mongoose from 'mongoose';
import Order from '../models/orderModel.js';
import Product from '../models/productModel.js';

// The comments over the start, the commit and the abort describe what transaction() now does.
export const createOrder = async (req, res) => {
  // Start the transaction
  // If no error, commit the transaction and reflect changes in database
  // Abort all transactions if error occurred
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
