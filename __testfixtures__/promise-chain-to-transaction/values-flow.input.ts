import mongoose, { Schema, model } from 'mongoose';

const Team = model('Team', new Schema({ name: String, size: Number }));
const Player = model('Player', new Schema({ name: String, team: String }));

// Values flow from step to step; two steps both call their value `doc`.
export function transferPlayer(name: string, to: string) {
  let session: any = null;
  return mongoose
    .startSession()
    .then((_session) => {
      session = _session;
      session.startTransaction();
      return Player.findOne({ name }).session(session);
    })
    .then((doc) => {
      if (!doc) throw new Error(`no player ${name}`);
      doc.team = to;
      // The document remembers the session it was loaded with.
      return doc.save();
    })
    .then(() => Team.findOneAndUpdate({ name: to }, { $inc: { size: 1 } }, { session, new: true }))
    .then((doc) => Team.updateOne({ _id: doc!._id }, { full: doc!.size! > 10 }, { session }))
    .then(() => session.commitTransaction())
    .then(() => session.endSession());
}
