import mongoose, { ClientSession, Schema, model } from 'mongoose';

const Note = model('Note', new Schema({ text: String }));

// An own `session` key opts out of ALS, even when null or undefined; a session that may be
// absent is not the same as the transaction's.
export async function annotate(text: string, maybe?: ClientSession) {
  await mongoose.connection.transaction(async (session) => {
    await Note.create([{ text }], { session: null });
    await Note.updateMany({ text }, { seen: true }, { session: undefined });
    await Note.findOne({ text }).session(null);
    await Note.deleteMany({ text: '' }, { session: text ? session : undefined });
    await Note.updateOne({ text }, { text: text.trim() }, { session: maybe });
  });
}
