import { Injectable } from '@nestjs/common';
import { InjectConnection, InjectModel } from '@nestjs/mongoose';
import { Connection, Model } from 'mongoose';
import { TransactionService } from '../common/transaction.service';

interface Payment {
  orderId: string;
  amount: number;
}

@Injectable()
export class PaymentsService {
  constructor(
    @InjectConnection() private readonly connection: Connection,
    @InjectModel('Payment') private readonly paymentModel: Model<Payment>,
    private readonly transactions: TransactionService,
  ) {}

  async refund(orderId: string, amount: number): Promise<void> {
    const session = await this.connection.startSession();
    session.startTransaction();
    try {
      await this.paymentModel.create([{ orderId, amount: -amount }], { session });
      await this.transactions.commitAndEnd(session);
    } catch (error) {
      await this.transactions.abortAndEnd(session);
      throw error;
    } finally {
      await session.endSession();
    }
  }
}
