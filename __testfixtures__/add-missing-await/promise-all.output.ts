import mongoose, { Schema, model } from 'mongoose';

const User = model('User', new Schema({ name: String, status: String }));
const Log = model('Log', new Schema({ message: String }));

// Parallel operations in one transaction are undefined behaviour in the driver and not
// supported by Mongoose: they become sequential, keeping the results' names and order.
export async function activate(a: string, b: string) {
  return mongoose.connection.transaction(async (session) => {
    await User.updateOne({ _id: a }, { $set: { status: 'active' } }, { session });
    await User.updateOne({ _id: b }, { $set: { status: 'active' } }, { session });
    const first = await User.findById(a).session(session);
    const second = await User.findById(b).session(session);
    const logs = [
      await Log.create([{ message: `activated ${a}` }], { session }),
      await Log.create([{ message: `activated ${b}` }], { session }),
    ];
    try {
      await Log.create([{ message: 'optional' }], { session });
    } catch {}
    await Log.create([{ message: 'a' }], { session });
    await Log.create([{ message: 'b' }], { session });
    const winner = await Promise.race([User.findById(a).session(session), User.findById(b).session(session)]);
    return { first, second, logs, winner };
  });
}

export async function touchAll(ids: string[]) {
  await mongoose.connection.transaction(async (session) => {
    for (const id of ids) {
      await User.updateOne({ _id: id }, { touched: new Date() }, { session });
    }
    for (const id of ids) {
      try {
        await Log.create([{ message: id }], { session });
      } catch {}
    }
  });
}

// The operations were already started before Promise.all: only a person can reorder them.
export async function alreadyStarted(a: string) {
  await mongoose.connection.transaction(async (session) => {
    const one = User.updateOne({ _id: a }, { name: 'x' }, { session }).exec();
    const two = Log.create([{ message: a }], { session });
    await Promise.all([one, two]);
  });
}
