import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model } from 'mongoose';
import { TransactionService } from '../common/transaction.service';
import { Order, OrderDocument } from './order.schema';
import { Stock, StockDocument } from './stock.schema';

@Injectable()
export class OrdersService {
  constructor(
    private readonly transactions: TransactionService,
    @InjectModel(Order.name) private readonly orderModel: Model<OrderDocument>,
    @InjectModel(Stock.name) private readonly stockModel: Model<StockDocument>,
  ) {}

  // AsyncLocalStorage puts these writes in the transaction: nothing to add.
  async place(sku: string, quantity: number): Promise<OrderDocument> {
    return this.transactions.run(async () => {
      await this.stockModel.updateOne({ sku }, { $inc: { available: -quantity } });
      const [order] = await this.orderModel.create([{ sku, quantity }]);
      return order;
    });
  }

  // No AsyncLocalStorage in a hand-managed transaction: the stock update needs the session.
  async cancel(id: string): Promise<void> {
    await this.transactions.runManually(async (session) => {
      const order = await this.orderModel.findByIdAndDelete(id, { session });
      if (!order) return;
      await this.stockModel.updateOne({ sku: order.sku }, { $inc: { available: order.quantity } });
    });
  }
}
