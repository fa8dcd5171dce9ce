import mongoose from 'mongoose';
import Order from '../models/order.js';
import OrderItem from '../models/order-item.js';

// Run with --als on a project still on Mongoose 8.3, which has no transactionAsyncLocalStorage
// (setting it throws there): the writes without the session run outside the transaction.
export async function createOrder(data) {
  return mongoose.connection.transaction(async (session) => {
    const [order] = await Order.create([{ customer: data.customer }], { session });
    await OrderItem.insertMany(data.items.map((item) => ({ ...item, order: order._id })));
    await Order.updateOne({ _id: order._id }, { $set: { itemCount: data.items.length } });
    return order;
  });
}
