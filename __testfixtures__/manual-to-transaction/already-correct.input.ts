import mongoose, { Schema, model } from 'mongoose';

const Order = model('Order', new Schema({ user: String, total: Number }));
const Stock = model('Stock', new Schema({ sku: String, count: Number }));

// Code that already uses transaction(): nothing to do.
export async function place(user: string, sku: string, total: number): Promise<void> {
  await mongoose.connection.transaction(async (session) => {
    await Stock.updateOne({ sku }, { $inc: { count: -1 } }, { session });
    await Order.create([{ user, total }], { session });
  });
}
