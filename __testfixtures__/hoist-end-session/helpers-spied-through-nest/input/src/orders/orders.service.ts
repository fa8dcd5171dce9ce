import { Injectable } from '@nestjs/common';
import { InjectConnection, InjectModel } from '@nestjs/mongoose';
import { Connection, Model } from 'mongoose';
import { TransactionService } from '../common/transaction.service';

interface Order {
  customerId: string;
  total: number;
}

@Injectable()
export class OrdersService {
  constructor(
    @InjectConnection() private readonly connection: Connection,
    @InjectModel('Order') private readonly orderModel: Model<Order>,
    private readonly transactions: TransactionService,
  ) {}

  async place(customerId: string, total: number): Promise<Order> {
    const session = await this.connection.startSession();
    session.startTransaction();
    try {
      const [order] = await this.orderModel.create([{ customerId, total }], { session });
      await this.transactions.commitAndEnd(session);
      return order;
    } catch (error) {
      await this.transactions.abortAndEnd(session);
      throw error;
    }
  }
}
