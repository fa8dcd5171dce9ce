import { Injectable } from '@nestjs/common';
import { InjectConnection, InjectModel } from '@nestjs/mongoose';
import { Connection, Model, Types } from 'mongoose';

interface Order {
  customer: string;
  total: number;
  status: string;
}

interface OrderLine {
  order: Types.ObjectId;
  sku: string;
  quantity: number;
}

interface Product {
  sku: string;
  stock: number;
}

@Injectable()
export class OrderService {
  constructor(
    @InjectConnection() private readonly connection: Connection,
    @InjectModel('Order') private readonly orderModel: Model<Order>,
    @InjectModel('OrderLine') private readonly lineModel: Model<OrderLine>,
    @InjectModel('Product') private readonly productModel: Model<Product>,
  ) {}

  // The order itself is created without the session while its lines get it: an abort leaves an
  // order without lines. Every sale of more than one item also throws on Mongoose 8.10 and later.
  async place(customer: string, lines: Array<{ sku: string; quantity: number }>, total: number): Promise<string> {
    return this.connection.transaction(async (session) => {
      const order = await new this.orderModel({ customer, total, status: 'placed' }).save();
      await this.lineModel.create(
        lines.map((line) => ({ order: order._id, sku: line.sku, quantity: line.quantity })),
        { session },
      );
      for (const line of lines) {
        await this.productModel.updateOne({ sku: line.sku }, { $inc: { stock: -line.quantity } });
      }
      return String(order._id);
    });
  }

  async cancel(id: string): Promise<void> {
    await this.connection.transaction(async (session) => {
      const order = await this.orderModel.findById(id).session(session);
      if (!order) throw new Error(`order ${id} not found`);
      order.status = 'cancelled';
      await order.save();
      await this.lineModel.deleteMany({ order: order._id });
    });
  }
}
