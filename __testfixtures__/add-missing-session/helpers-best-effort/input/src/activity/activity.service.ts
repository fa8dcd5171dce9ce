import { Injectable, Logger } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model, Types } from 'mongoose';
import { Activity, ActivityDocument } from '../schemas/activity.schema';
import { Order, OrderDocument } from '../schemas/order.schema';

@Injectable()
export class ActivityService {
  private readonly logger = new Logger(ActivityService.name);

  constructor(
    @InjectModel(Activity.name) private readonly activityModel: Model<ActivityDocument>,
    @InjectModel(Order.name) private readonly orderModel: Model<OrderDocument>,
  ) {}

  // Best-effort: an activity that cannot be recorded is logged and passed over.
  async record(user: Types.ObjectId, kind: string): Promise<void> {
    await this.activityModel.create([{ user, kind }]).catch((error: unknown) => this.logger.warn(`activity ${kind} not recorded: ${String(error)}`));
  }

  async recordQuietly(user: Types.ObjectId, kind: string): Promise<void> {
    try {
      await this.activityModel.create([{ user, kind }]);
    } catch (error) {
      this.logger.error(`activity ${kind} not recorded`, error as Error);
    }
  }

  // The count is a plain write, named before the best-effort record after it.
  async count(orderId: Types.ObjectId, user: Types.ObjectId): Promise<void> {
    await this.orderModel.updateOne({ _id: orderId }, { $inc: { activityCount: 1 } });
    await this.activityModel.create([{ user, kind: 'counted' }]).catch(() => undefined);
  }

  // `.catch()` without a handler lets the failure through: a plain write.
  async touch(orderId: Types.ObjectId): Promise<void> {
    await this.orderModel.updateOne({ _id: orderId }, { $set: { touchedAt: new Date() } }).catch();
  }
}
