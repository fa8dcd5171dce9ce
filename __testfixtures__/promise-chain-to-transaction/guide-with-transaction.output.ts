import assert from 'node:assert';
import { Schema, model } from 'mongoose';

const Member = model('Member', new Schema({ name: String }));

// After the guide's withTransaction() example: the callback returns the operation's promise.
export async function join(name: string) {
  await Member.createCollection();
  await Member.db.transaction(async (session) => {
    await Member.create([{ name }], { session: session });
  });
  const count = await Member.countDocuments();
  assert.strictEqual(count, 1);
}
