import { ClientSession } from 'mongoose';
import { Profile, User, UserDoc } from '../models/user';

export class UserRepository {
  async existsByEmail(email: string, session?: ClientSession): Promise<boolean> {
    return (await User.exists({ email }).session(session ?? null)) !== null;
  }

  async save(user: UserDoc, session?: ClientSession): Promise<void> {
    await User.create([user], { session });
  }

  async createProfile(userEmail: string, bio: string): Promise<void> {
    const user = await User.findOne({ email: userEmail });
    await Profile.create([{ user: user?._id, bio }]);
  }
}
