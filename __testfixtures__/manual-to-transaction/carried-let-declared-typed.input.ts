import { Injectable } from '@nestjs/common';
import { InjectConnection, InjectModel } from '@nestjs/mongoose';
import { Connection, HydratedDocument, Model } from 'mongoose';

interface Order {
  sku: string;
  qty: number;
}

type OrderDoc = HydratedDocument<Order>;

// On Mongoose 7 transaction() does not give its callback's value: `order`, declared with its type
// and assigned on either branch, is declared before the call with that type and assigned inside.

@Injectable()
export class OrdersService {
  constructor(
    @InjectConnection() private readonly connection: Connection,
    @InjectModel('Order') private readonly orderModel: Model<Order>,
  ) {}

  async place(sku: string, qty: number) {
    const session = await this.connection.startSession();
    session.startTransaction();
    try {
      let order: OrderDoc;
      const existing = await this.orderModel.findOne({ sku }).session(session);
      if (existing) {
        existing.qty += qty;
        order = await existing.save();
      } else {
        [order] = await this.orderModel.create([{ sku, qty }], { session });
      }
      await session.commitTransaction();
      return { id: order.id, qty: order.qty };
    } catch (error) {
      await session.abortTransaction();
      throw error;
    } finally {
      await session.endSession();
    }
  }
}
