import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectConnection, InjectModel } from '@nestjs/mongoose';
import { Connection, Model, Types } from 'mongoose';

interface Profile {
  user: Types.ObjectId;
  points: number;
}

interface Reward {
  user: Types.ObjectId;
  points: number;
}

@Injectable()
export class RewardsService {
  constructor(
    @InjectConnection() private readonly connection: Connection,
    @InjectModel('Profile') private readonly profiles: Model<Profile>,
    @InjectModel('Reward') private readonly rewards: Model<Reward>,
  ) {}

  // The session is started while the profile is looked up.
  async redeem(userId: string, points: number): Promise<number> {
    const sessionPromise = this.connection.startSession();
    const profile = await this.profiles.findOne({ user: userId });
    if (!profile) throw new NotFoundException('No profile');
    const session = await sessionPromise;
    try {
      session.startTransaction();
      await this.profiles.updateOne({ _id: profile._id }, { $inc: { points: -points } }, { session });
      await this.rewards.create([{ user: profile.user, points }], { session });
      await session.commitTransaction();
      return profile.points - points;
    } catch (error) {
      if (session.inTransaction()) await session.abortTransaction();
      throw error;
    } finally {
      await session.endSession();
    }
  }
}
