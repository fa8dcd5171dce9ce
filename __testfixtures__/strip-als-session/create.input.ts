import mongoose, { Schema, model } from 'mongoose';

const Line = model('Line', new Schema({ sku: String, qty: Number }));

export async function addLines(sku: string) {
  await mongoose.connection.transaction(async (session) => {
    await Line.create([{ sku, qty: 1 }], { session });
    // Several documents: without an explicit session Mongoose would save them in parallel
    // inside the transaction, so ordered: true takes the session's place.
    await Line.create([{ sku, qty: 2 }, { sku, qty: 3 }], { session });
    await Line.create([{ sku, qty: 4 }, { sku, qty: 5 }], { session, ordered: true });
    // One document plus { session }: Mongoose saves the options object as a second document.
    // Stripping would silently change that, so it is reported instead.
    await Line.create({ sku, qty: 6 }, { session });
  });
}
