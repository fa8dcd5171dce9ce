import { Injectable } from '@nestjs/common';
import { InjectConnection, InjectModel } from '@nestjs/mongoose';
import { Connection, Model } from 'mongoose';
import { Order } from '../orders/order.schema';

@Injectable()
export class DBService {
  constructor(
    @InjectConnection() public readonly connection: Connection,
    @InjectModel(Order.name) public readonly orderModel: Model<Order>,
  ) {}

  async transaction(work: () => Promise<void>) {
    const session = await this.orderModel.db.startSession();
    try {
      session.startTransaction();
      await work();
      await session.commitTransaction();
    } catch (error) {
      await session.abortTransaction();
      throw error;
    } finally {
      session.endSession();
    }
  }
}
