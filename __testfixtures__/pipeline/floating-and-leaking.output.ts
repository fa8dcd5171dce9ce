import mongoose, { Schema, model } from 'mongoose';

const Doc = model('Doc', new Schema({ title: String, archived: Boolean }));

// Three bugs at once: withTransaction() is not awaited, forEach never waits for its async
// callback, and the session is never ended.
export async function archive(ids: string[]) {
  await mongoose.connection.transaction(async (session) => {
    for (const id of ids) {
      await Doc.updateOne({ _id: id }, { archived: true }, { session });
    }
  });
}
