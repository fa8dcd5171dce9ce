import { Injectable } from '@nestjs/common';
import { InjectConnection, InjectModel } from '@nestjs/mongoose';
import { Connection, HydratedDocument, Model } from 'mongoose';

interface Receipt {
  order: string;
  amount: number;
}

// `receipt` is declared before the transaction and made inside it: its save() gets the session.
@Injectable()
export class ReceiptService {
  constructor(
    @InjectConnection() private readonly connection: Connection,
    @InjectModel('Receipt') private readonly receiptModel: Model<Receipt>,
  ) {}

  async issue(order: string, amount: number): Promise<HydratedDocument<Receipt>> {
    let receipt: HydratedDocument<Receipt>;
    const session = await this.connection.startSession();
    try {
      session.startTransaction();
      receipt = new this.receiptModel({ order, amount });
      await receipt.save({ session });
      await session.commitTransaction();
    } catch (error) {
      await session.abortTransaction();
      throw error;
    } finally {
      await session.endSession();
    }
    return receipt;
  }
}
