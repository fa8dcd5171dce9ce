import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectConnection, InjectModel } from '@nestjs/mongoose';
import { ClientSession, Connection, Model } from 'mongoose';

interface Order {
  status: string;
  total: number;
}

interface Refund {
  order: string;
  amount: number;
}

// The session handed where the options go (`updateOne(filter, update, tx)`) is ignored by
// Mongoose: it becomes `{ session: tx }`. `order.save(tx)` stays: the order was loaded with the
// session, and save() uses the document's own session first.
@Injectable()
export class RefundService {
  constructor(
    @InjectConnection() private readonly connection: Connection,
    @InjectModel('Order') private readonly orderModel: Model<Order>,
    @InjectModel('Refund') private readonly refundModel: Model<Refund>,
  ) {}

  async refund(orderId: string): Promise<void> {
    const tx: ClientSession = await this.connection.startSession();
    tx.startTransaction();
    try {
      const order = await this.orderModel.findById(orderId).session(tx);
      if (!order) throw new NotFoundException('No such order');
      order.status = 'refunded';
      await order.save(tx);
      await this.refundModel.updateOne({ order: orderId }, { $set: { amount: order.total } }, { session: tx });
      await tx.commitTransaction();
    } catch (error) {
      await tx.abortTransaction();
      throw error;
    } finally {
      await tx.endSession();
    }
  }
}
