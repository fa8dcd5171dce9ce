import mongoose, { Model } from 'mongoose';
import { publicIdOf } from './cloudinary-url';
import { deleteFileFromCloudinary } from './cloudinary';

interface Team {
  name: string;
  image?: string;
}

// Two calls whose effects cannot be seen: the finding names the one that sounds like an effect
// outside the database (the upload delete), not the URL parsing before it.
export async function deleteTeam(Teams: Model<Team>, id: string) {
  const session = await mongoose.startSession();
  session.startTransaction();
  try {
    const team = await Teams.findById(id).session(session);
    const publicId = publicIdOf(team?.image);
    if (publicId) await deleteFileFromCloudinary(publicId);
    const result = await Teams.findByIdAndDelete(id).session(session);
    await session.commitTransaction();
    return result;
  } catch (error) {
    await session.abortTransaction();
    throw error;
  } finally {
    session.endSession();
  }
}
