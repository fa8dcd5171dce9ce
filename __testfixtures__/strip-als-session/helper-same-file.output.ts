import mongoose, { Schema, model } from 'mongoose';

const Credit = model('Credit', new Schema({ user: String, amount: Number }));

// Every caller passes the transaction() callback's own session, so ALS supplies it here too, and
// the session parameter goes with its arguments.
async function grant(user: string, amount: number) {
  await Credit.updateOne({ user }, { $inc: { amount } }, { upsert: true });
  await Credit.findOne({ user });
}

export async function welcome(users: string[]) {
  await mongoose.connection.transaction(async () => {
    for (const user of users) {
      await grant(user, 5);
    }
  });
}
