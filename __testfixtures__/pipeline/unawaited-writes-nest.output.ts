import { Injectable } from '@nestjs/common';
import { InjectConnection, InjectModel } from '@nestjs/mongoose';
import { Connection, Model } from 'mongoose';
import { Order, OrderDocument } from './schemas/order.schema';
import { OrderLine, OrderLineDocument } from './schemas/order-line.schema';
import { Stock, StockDocument } from './schemas/stock.schema';

interface LineInput {
  sku: string;
  quantity: number;
}

// Confirming an order (NestJS): the writes nobody awaits are left as written and reported when this
// transform runs alone (given the session they would still not be part of the transaction); the
// awaited ones get the session.
@Injectable()
export class OrderConfirmationService {
  constructor(
    @InjectConnection() private readonly connection: Connection,
    @InjectModel(Order.name) private readonly orderModel: Model<OrderDocument>,
    @InjectModel(OrderLine.name) private readonly lineModel: Model<OrderLineDocument>,
    @InjectModel(Stock.name) private readonly stockModel: Model<StockDocument>,
  ) {}

  async confirm(orderId: string, lines: LineInput[]): Promise<void> {
    await this.connection.transaction(async (session) => {
      await this.orderModel.updateOne({ _id: orderId }, { $set: { status: 'confirmed' } }, { session });
      await this.orderModel.updateOne({ _id: orderId }, { $set: { confirmedAt: new Date() } }, { session });
      await this.lineModel.insertMany(lines.map((line) => ({ order: orderId, ...line })), { session });
      lines.forEach((line) => this.stockModel.updateOne({ sku: line.sku }, { $inc: { reserved: line.quantity } }).exec());
      await this.orderModel.findByIdAndUpdate(orderId, { $inc: { version: 1 } }, { session });
    });
  }
}
