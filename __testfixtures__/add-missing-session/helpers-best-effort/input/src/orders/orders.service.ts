import { Injectable } from '@nestjs/common';
import { InjectConnection, InjectModel } from '@nestjs/mongoose';
import { Connection, Model, Types } from 'mongoose';
import { ActivityService } from '../activity/activity.service';
import { Order, OrderDocument } from '../schemas/order.schema';

// Placing an order: the order is created with the session; what the activity service writes
// without it is reported, saying which of its writes are best-effort.
@Injectable()
export class OrdersService {
  constructor(
    @InjectConnection() private readonly connection: Connection,
    @InjectModel(Order.name) private readonly orderModel: Model<OrderDocument>,
    private readonly activity: ActivityService,
  ) {}

  async place(user: Types.ObjectId, total: number): Promise<OrderDocument> {
    const session = await this.connection.startSession();
    try {
      return await session.withTransaction(async () => {
        const [order] = await this.orderModel.create([{ user, total }], { session });
        await this.activity.record(user, 'order placed');
        await this.activity.recordQuietly(user, 'order placed');
        await this.activity.count(order._id, user);
        await this.activity.touch(order._id);
        return order;
      });
    } finally {
      await session.endSession();
    }
  }
}
