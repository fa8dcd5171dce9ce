import { Injectable } from '@nestjs/common';
import { InjectConnection, InjectModel } from '@nestjs/mongoose';
import { Connection, Model } from 'mongoose';
import { Sale, SaleDocument } from './schemas/sale.schema';
import { SaleLine, SaleLineDocument } from './schemas/sale-line.schema';

export interface SaleLineInput {
  sku: string;
  quantity: number;
  price: number;
}

@Injectable()
export class SalesService {
  constructor(
    @InjectConnection() private readonly connection: Connection,
    @InjectModel(Sale.name) private readonly saleModel: Model<SaleDocument>,
    @InjectModel(SaleLine.name) private readonly lineModel: Model<SaleLineDocument>,
  ) {}

  async record(cashier: string, lines: SaleLineInput[]): Promise<SaleDocument> {
    const session = await this.connection.startSession();
    try {
      return await session.withTransaction(async () => {
        const [sale] = await this.saleModel.create([{ cashier, total: lines.reduce((sum, l) => sum + l.price * l.quantity, 0) }], { session });
        await this.lineModel.create(
          lines.map((line) => ({ sale: sale._id, ...line })),
          { session },
        );
        await this.lineModel.create([{ sale: sale._id, sku: 'BAG', quantity: 1, price: 0 }]);
        return sale;
      });
    } finally {
      await session.endSession();
    }
  }
}
