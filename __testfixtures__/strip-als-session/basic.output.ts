import mongoose, { Schema, model } from 'mongoose';

const Order = model('Order', new Schema({ customer: String, total: Number, status: String }));
const Customer = model('Customer', new Schema({ name: String, credit: Number }));

// transactionAsyncLocalStorage is on (see case.json): every operation below already runs in
// the transaction without being told.
export async function refund(orderId: string) {
  return mongoose.connection.transaction(async () => {
    const order = await Order.findOne({ _id: orderId });
    if (!order) throw new Error('no order');
    await Order.updateOne({ _id: orderId }, { status: 'refunded' });
    await Customer.updateOne({ name: order.customer }, { $inc: { credit: order.total } }, { upsert: true });
    const total = await Order.countDocuments({ status: 'refunded' });
    const byStatus = await Order.aggregate([{ $group: { _id: '$status', n: { $sum: 1 } } }])
      .exec();
    await Order.deleteMany(
      { status: 'cancelled' },
    );
    return { total, byStatus };
  });
}
