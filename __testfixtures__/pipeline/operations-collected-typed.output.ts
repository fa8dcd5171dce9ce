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
    await this.connection.transaction(async (session) => {
      for (const line of lines) {
        await this.stock.updateOne({ sku: line.sku }, { $inc: { available: line.qty } }, { session }).exec();
      }
    });
  }
}
