import { ClientSession, Schema, model } from 'mongoose';

export const Stock = model('Stock', new Schema({ sku: String, count: Number }));

export async function take(sku: string, count: number, session: ClientSession) {
  await Stock.updateOne({ sku }, { $inc: { count: -count } });
}
