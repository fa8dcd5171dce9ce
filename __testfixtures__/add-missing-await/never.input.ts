import mongoose, { Schema, model } from 'mongoose';
import { MongoClient } from 'mongodb';

const Order = model('Order', new Schema({ item: String }));

declare function track(work: Promise<unknown>): void;

export async function never(client: MongoClient) {
  await mongoose.connection.transaction(async (session) => {
    // Already awaited, stored and awaited later, explicitly voided, or passed on.
    await Order.create([{ item: 'a' }], { session });
    const created = Order.create([{ item: 'b' }], { session });
    void Order.create([{ item: 'c' }], { session });
    track(Order.create([{ item: 'd' }], { session }));
    await created;
    // A query built here and executed later: awaiting the builder calls would run it twice.
    const query = Order.find({ item: 'a' });
    query.session(session);
    query.sort({ item: 1 });
    await query;
    return Order.countDocuments({}).session(session);
  });
  // Synchronous: the driver's startSession() and startTransaction().
  const driverSession = client.startSession();
  driverSession.startTransaction();
  await client.db().collection('orders').insertOne({ item: 'e' }, { session: driverSession });
  await driverSession.commitTransaction();
  await driverSession.endSession();
}
