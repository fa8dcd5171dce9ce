import mongoose, { Schema, model } from 'mongoose';

const Row = model('Row', new Schema({ sku: String, seen: Boolean }));

// Mongoose 7.8.0 (case.json): what AsyncLocalStorage covers depends on the version.
export async function importRows(rows: Array<{ sku: string }>) {
  await mongoose.connection.transaction(async (session) => {
    await Row.updateMany({}, { seen: true }, { session });
    await Row.insertMany(rows, { session });
    const cursor = Row.aggregate([{ $match: { seen: true } }]).session(session).cursor();
    for await (const row of cursor) console.log(row);
  });
}
