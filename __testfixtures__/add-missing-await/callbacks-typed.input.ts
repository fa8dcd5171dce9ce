import mongoose from 'mongoose';

// Typed against Mongoose 6, whose operations still took Node callbacks: awaiting a call that
// also passes one would run it twice ("Query was already executed").
type Callback = (err: Error | null) => void;
interface LegacyModel {
  create(docs: object[], options: object, callback: Callback): void;
  deleteOne(filter: object, options: object, callback: Callback): void;
}

declare const Session: LegacyModel;

export async function logout(userId: string) {
  await mongoose.connection.transaction(async (session) => {
    Session.create([{ userId, event: 'logout' }], { session }, (err) => {
      if (err) console.error(err);
    });
    Session.deleteOne({ userId }, { session }, function (err) {
      if (err) console.error(err);
    });
  });
}
