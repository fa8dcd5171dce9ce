import mongoose from 'mongoose';
import Order from '../models/order.js';
import OrderItem from '../models/order-item.js';

mongoose.set('transactionAsyncLocalStorage', true);

// On 8.5.0 AsyncLocalStorage covers updateOne() but not yet insertMany() (8.5.1): only the
// insertMany() needs its session.
export async function createOrder(data) {
  return mongoose.connection.transaction(async (session) => {
    const [order] = await Order.create([{ customer: data.customer }], { session });
    await OrderItem.insertMany(data.items.map((item) => ({ ...item, order: order._id })));
    await Order.updateOne({ _id: order._id }, { $set: { itemCount: data.items.length } });
    return order;
  });
}
