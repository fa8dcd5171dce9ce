import assert from 'node:assert';
import { Schema, model } from 'mongoose';

const Member = model('Member', new Schema({ name: String }));

// After the guide's withTransaction() example: the callback returns the operation's promise.
export function join(name: string) {
  let session: any = null;
  return Member.createCollection()
    .then(() => Member.startSession())
    .then((_session) => {
      session = _session;
      return session.withTransaction(() => {
        return Member.create([{ name }], { session: session });
      });
    })
    .then(() => Member.countDocuments())
    .then((count) => assert.strictEqual(count, 1))
    .then(() => session.endSession());
}
