import mongoose, { Schema, model } from 'mongoose';

const Row = model('Row', new Schema({ sku: String, seen: Boolean }));

// Mongoose 8.9.2 (case.json): what AsyncLocalStorage covers depends on the version.
export async function importRows(rows: Array<{ sku: string }>) {
  await mongoose.connection.transaction(async () => {
    await Row.updateMany({}, { seen: true });
    await Row.insertMany(rows);
    const cursor = Row.aggregate([{ $match: { seen: true } }]).cursor();
    for await (const row of cursor) console.log(row);
  });
}
