import { ClientSession, Schema, model } from 'mongoose';

export const Product = model('Product', new Schema({ sku: String, stock: Number }));

export async function reserveStock(skus: string[], session: ClientSession) {
  for (const sku of skus) {
    Product.updateOne({ sku }, { $inc: { stock: -1 } }, { session }).exec();
  }
}
