import { Schema, model } from 'mongoose';

const productSchema = new Schema({
  sku: { type: String, required: true, unique: true },
  name: String,
  price: Number,
  stock: { type: Number, min: 0 },
});

export const Product = model('Product', productSchema);
