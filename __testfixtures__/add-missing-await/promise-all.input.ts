import mongoose, { Schema, model } from 'mongoose';

const User = model('User', new Schema({ name: String, status: String }));
const Log = model('Log', new Schema({ message: String }));

// Parallel operations in one transaction are undefined behaviour in the driver and not
// supported by Mongoose: they become sequential, keeping the results' names and order.
export async function activate(a: string, b: string) {
  return mongoose.connection.transaction(async (session) => {
    await Promise.all([
      User.updateOne({ _id: a }, { $set: { status: 'active' } }, { session }),
      User.updateOne({ _id: b }, { $set: { status: 'active' } }, { session }),
    ]);
    const [first, second] = await Promise.all([User.findById(a).session(session), User.findById(b).session(session)]);
    const logs = await Promise.all([
      Log.create([{ message: `activated ${a}` }], { session }),
      Log.create([{ message: `activated ${b}` }], { session }),
    ]);
    await Promise.allSettled([Log.create([{ message: 'optional' }], { session })]);
    await Promise.race([Log.create([{ message: 'a' }], { session }), Log.create([{ message: 'b' }], { session })]);
    const winner = await Promise.race([User.findById(a).session(session), User.findById(b).session(session)]);
    return { first, second, logs, winner };
  });
}

export async function touchAll(ids: string[]) {
  await mongoose.connection.transaction(async (session) => {
    await Promise.all(ids.map((id) => User.updateOne({ _id: id }, { touched: new Date() }, { session })));
    await Promise.allSettled(ids.map((id) => Log.create([{ message: id }], { session })));
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
