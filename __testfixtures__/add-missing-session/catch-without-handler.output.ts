import { Injectable } from '@nestjs/common';
import { InjectConnection, InjectModel } from '@nestjs/mongoose';
import { Connection, Model } from 'mongoose';
import { App, AppDocument } from './schemas/app.schema';
import { Trigger, TriggerDocument } from './schemas/trigger.schema';

// `.catch()` with no handler lets a failure through: the write is not a best-effort one and takes
// the transaction's session like any other.
@Injectable()
export class SchedulerService {
  constructor(
    @InjectConnection() private readonly connection: Connection,
    @InjectModel(App.name) private readonly appModel: Model<AppDocument>,
    @InjectModel(Trigger.name) private readonly triggerModel: Model<TriggerDocument>,
  ) {}

  async schedule(appId: string, nextTime: Date): Promise<void> {
    const session = await this.connection.startSession();
    session.startTransaction();
    try {
      await this.appModel.updateOne({ _id: appId }, { $set: { nextRunAt: nextTime } }, { session });
      await this.triggerModel.updateOne({ app: appId }, { $set: { nextRunAt: nextTime } }, { session }).catch();
      await session.commitTransaction();
    } catch (error) {
      await session.abortTransaction();
      throw error;
    } finally {
      await session.endSession();
    }
  }
}
