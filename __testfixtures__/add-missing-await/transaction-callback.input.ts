import mongoose, { Schema, model } from 'mongoose';

const Order = model('Order', new Schema({ customer: String, total: Number }));
const Customer = model('Customer', new Schema({ name: String, orders: [String], credit: Number }));

export async function placeOrder(customer: string, total: number) {
  return mongoose.connection.transaction(async (session) => {
    const [order] = await Order.create([{ customer, total }], { session });
    // Neither call below is awaited: the first one lands after the commit (or on an ended
    // session); the second is a Query, which never runs at all without await or exec().
    Customer.create([{ name: customer }], { session });
    Customer.updateOne({ name: customer }, { $push: { orders: order.id } }).session(session);
    return order;
  });
}
