import mongoose, { Schema, model } from 'mongoose';

const Account = model('Account', new Schema({ owner: String, balance: Number }));

export async function open(owner: string) {
  await mongoose.connection.transaction(async (session) => {
    const account = new Account({ owner, balance: 0 });
    await account.save({ session });
  });
}
