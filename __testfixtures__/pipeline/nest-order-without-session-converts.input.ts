import { Injectable } from '@nestjs/common';
import { InjectConnection, InjectModel } from '@nestjs/mongoose';
import { ClientSession, Connection, Model, Types } from 'mongoose';

interface Order {
  customer: string;
  total: number;
}

interface OrderItem {
  order: Types.ObjectId;
  sku: string;
  quantity: number;
}

// An order service that created the order itself without the session while its items got it (an
// abort left orders without items), and whose items fail on Mongoose 8.10+ for any order of more
// than one item. Both are fixed first; the transaction then becomes transaction().
@Injectable()
export class OrdersService {
  constructor(
    @InjectConnection() private readonly connection: Connection,
    @InjectModel('Order') private readonly orderModel: Model<Order>,
    @InjectModel('OrderItem') private readonly itemModel: Model<OrderItem>,
  ) {}

  async create(customer: string, items: Array<{ sku: string; quantity: number }>, total: number): Promise<string> {
    const session: ClientSession = await this.connection.startSession();
    session.startTransaction();
    try {
      const order = await new this.orderModel({ customer, total }).save();
      await this.itemModel.create(
        items.map((item) => ({ order: order._id, ...item })),
        { session },
      );
      await session.commitTransaction();
      return String(order._id);
    } catch (error) {
      await session.abortTransaction();
      throw error;
    } finally {
      await session.endSession();
    }
  }
}
