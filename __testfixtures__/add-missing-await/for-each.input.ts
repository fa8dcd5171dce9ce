import mongoose, { Schema, model } from 'mongoose';

const Product = model('Product', new Schema({ sku: String, stock: Number }));
const Reservation = model('Reservation', new Schema({ sku: String, slot: Number }));

interface Line {
  sku: string;
  quantity: number;
}

export async function reserve(lines: Line[]) {
  await mongoose.connection.transaction(async (session) => {
    // forEach never waits for its async callback: the updates land after the commit.
    lines.forEach(async (line: Line) => {
      if (line.quantity === 0) return;
      await Product.updateOne({ sku: line.sku }, { $inc: { stock: -line.quantity } }, { session });
    });
    lines.forEach(async ({ sku }, slot) => {
      await Reservation.create([{ sku, slot }], { session });
    });
    lines.map(async (line) => Product.updateOne({ sku: line.sku }, { reserved: true }, { session }).exec());
    // Not async: the callback starts each write and returns; this one is reported, not rewritten.
    lines.forEach((line) => {
      Reservation.create([{ sku: line.sku, slot: -1 }], { session });
    });
  });
}
