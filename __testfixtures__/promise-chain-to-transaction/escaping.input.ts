import mongoose, { ClientSession, Schema, model } from 'mongoose';

const Job = model('Job', new Schema({ name: String }));

const open: Record<string, ClientSession> = {};

// The session is kept for later (a registry that commits elsewhere): it escapes the chain.
export function begin(id: string) {
  return mongoose.startSession().then((session) => {
    open[id] = session;
    session.startTransaction();
    return Job.create([{ name: id }], { session })
      .then(() => session.commitTransaction())
      .then(() => session.endSession());
  });
}
