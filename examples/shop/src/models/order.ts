import { Schema, Types, model } from 'mongoose';

const orderSchema = new Schema({
  customer: { type: Types.ObjectId, ref: 'Customer' },
  items: [{ product: { type: Types.ObjectId, ref: 'Product' }, quantity: Number }],
  status: { type: String, enum: ['placed', 'paid', 'refunded'], default: 'placed' },
  total: Number,
});

export const Order = model('Order', orderSchema);
