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
    const profile = await this.profiles.findOne({ user: userId });
    if (!profile) throw new NotFoundException('No profile');
    await this.connection.transaction(async (session) => {
      await this.profiles.updateOne({ _id: profile._id }, { $inc: { points: -points } }, { session });
      await this.rewards.create([{ user: profile.user, points }], { session });
    });
    return profile.points - points;
  }
}
