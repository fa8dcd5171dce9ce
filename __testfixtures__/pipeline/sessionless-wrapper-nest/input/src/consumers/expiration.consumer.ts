import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model } from 'mongoose';
import { DBService } from '../db/db.service';
import { Order } from '../orders/order.schema';

@Injectable()
export class ExpirationConsumer {
  constructor(
    private readonly dbService: DBService,
    @InjectModel(Order.name) private readonly orderModel: Model<Order>,
  ) {}

  handle = async (orderId: string) => {
    const order = await this.orderModel.findById(orderId);
    if (!order || order.status === 'complete') return;

    order.status = 'cancelled';

    await this.dbService.transaction(async () => {
      await order.save();
    });
  };
}
