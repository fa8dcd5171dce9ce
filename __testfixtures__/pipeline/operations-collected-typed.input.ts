import { Injectable } from '@nestjs/common';
import { InjectConnection, InjectModel } from '@nestjs/mongoose';
import { Connection, Model } from 'mongoose';

interface Stock {
  sku: string;
  available: number;
}

@Injectable()
export class RestockService {
  constructor(
    @InjectConnection() private readonly connection: Connection,
    @InjectModel('Stock') private readonly stock: Model<Stock>,
  ) {}

  // Each restock is pushed as an operation and all of them are awaited together.
  async restock(lines: Array<{ sku: string; qty: number }>): Promise<void> {
    const session = await this.connection.startSession();
    try {
      session.startTransaction();
      const updates: Array<Promise<unknown>> = [];
      for (const line of lines) {
        updates.push(this.stock.updateOne({ sku: line.sku }, { $inc: { available: line.qty } }, { session }).exec());
      }
      await Promise.all(updates);
      await session.commitTransaction();
    } catch (error) {
      await session.abortTransaction();
      throw error;
    } finally {
      await session.endSession();
    }
  }
}
