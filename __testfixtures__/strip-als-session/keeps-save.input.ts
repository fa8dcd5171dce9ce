import mongoose, { Schema, model } from 'mongoose';

const Profile = model('Profile', new Schema({ user: String, visits: Number }));

// Mongoose tracks documents for rollback through their own session, not through ALS: saves
// and $session() keep the session (unless --strip-save is asked for).
export async function visit(user: string) {
  await mongoose.connection.transaction(async (session) => {
    const profile = new Profile({ user, visits: 1 });
    await profile.save({ session });
    const other = new Profile({ user: `${user}-shadow` });
    other.$session(session);
    await other.save();
  });
}
