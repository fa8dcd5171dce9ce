import mongoose, { Schema, model } from 'mongoose';

const Team = model('Team', new Schema({ name: String, size: Number }));
const Player = model('Player', new Schema({ name: String, team: String }));

// Values flow from step to step; two steps both call their value `doc`.
export async function transferPlayer(name: string, to: string) {
  await mongoose.connection.transaction(async (session) => {
    const doc = await Player.findOne({ name }).session(session);
    if (!doc) throw new Error(`no player ${name}`);
    doc.team = to;
    // The document remembers the session it was loaded with.
    await doc.save();
    const doc2 = await Team.findOneAndUpdate({ name: to }, { $inc: { size: 1 } }, { session, new: true });
    await Team.updateOne({ _id: doc2!._id }, { full: doc2!.size! > 10 }, { session });
  });
}
