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
    let order!: OrderDoc;
    await this.connection.transaction(async (session) => {
      const existing = await this.orderModel.findOne({ sku }).session(session);
      if (existing) {
        existing.qty += qty;
        order = await existing.save();
      } else {
        [order] = await this.orderModel.create([{ sku, qty }], { session });
      }
    });
    return { id: order.id, qty: order.qty };
  }
}
