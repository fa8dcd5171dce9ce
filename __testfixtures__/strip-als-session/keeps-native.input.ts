import mongoose, { Schema, model } from 'mongoose';

const Metric = model('Metric', new Schema({ name: String, value: Number }));

// The native driver never sees AsyncLocalStorage: these sessions stay.
export async function flush(name: string, value: number) {
  const conn = mongoose.connection;
  await conn.transaction(async (session) => {
    await Metric.collection.updateOne({ name }, { $set: { value } }, { session });
    await conn.db!.collection('history').insertOne({ name, value }, { session });
    await conn.getClient().db('archive').collection('metrics').insertOne({ name }, { session });
  });
}
