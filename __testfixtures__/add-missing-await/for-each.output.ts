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
    for (const line of lines) {
      if (line.quantity === 0) continue;
      await Product.updateOne({ sku: line.sku }, { $inc: { stock: -line.quantity } }, { session });
    }
    for (const [slot, { sku }] of lines.entries()) {
      await Reservation.create([{ sku, slot }], { session });
    }
    for (const line of lines) {
      await Product.updateOne({ sku: line.sku }, { reserved: true }, { session }).exec();
    }
    // Not async: the callback starts each write and returns; this one is reported, not rewritten.
    lines.forEach((line) => {
      Reservation.create([{ sku: line.sku, slot: -1 }], { session });
    });
  });
}
