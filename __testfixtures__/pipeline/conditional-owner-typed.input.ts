import { Injectable, Logger } from '@nestjs/common';
import { InjectConnection, InjectModel } from '@nestjs/mongoose';
import mongoose, { ClientSession, Connection, Model } from 'mongoose';

interface Group {
  owner: string;
  members: string[];
  pending: number;
}

@Injectable()
export class GroupsService {
  private readonly logger = new Logger(GroupsService.name);

  constructor(
    @InjectConnection() private readonly connection: Connection,
    @InjectModel('Group') private readonly groups: Model<Group>,
  ) {}

  async addMember(groupId: string, member: string, parentSession?: ClientSession): Promise<void> {
    const session = parentSession ?? (await this.connection.startSession());
    const isOwner = !parentSession;
    if (isOwner) session.startTransaction();
    try {
      await this.groups.updateOne({ _id: groupId }, { $addToSet: { members: member } }, { session });
      await this.groups.updateOne({ _id: groupId }, { $inc: { pending: -1 } }, { session });
      if (isOwner) await session.commitTransaction();
    } catch (error) {
      if (isOwner) await session.abortTransaction();
      this.logger.error(`could not add ${member} to ${groupId}`);
      throw error;
    }
  }

  async redistribute(groupId: string, session?: ClientSession): Promise<number> {
    let localSession: ClientSession | null = null;
    if (!session) {
      localSession = await mongoose.startSession();
      await localSession.startTransaction();
    }
    const activeSession = session || localSession;
    try {
      const group = await this.groups.findOne({ _id: groupId }, null, { session: activeSession });
      if (!group) throw new Error(`group ${groupId} not found`);
      await this.groups.updateOne({ _id: groupId }, { $set: { pending: 0 } }, { session: activeSession });
      if (localSession) {
        await localSession.commitTransaction();
      }
      return group.pending;
    } catch (error) {
      if (localSession) {
        await localSession.abortTransaction();
      }
      throw error;
    } finally {
      if (localSession) {
        localSession.endSession();
        this.logger.debug('session ended');
      }
    }
  }
}
