import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectConnection, InjectModel } from '@nestjs/mongoose';
import { Connection, Model, Types } from 'mongoose';

interface Line {
  sku: string;
  quantity: number;
}

interface Warehouse {
  name: string;
  stock: Array<{ sku: string; count: number }>;
}

@Injectable()
export class ReservationService {
  constructor(
    @InjectConnection() private readonly connection: Connection,
    @InjectModel('Warehouse') private readonly warehouseModel: Model<Warehouse>,
  ) {}

  // Every line must be in stock; the warehouse's stock array is searched with find/findIndex/every.
  async reserve(warehouseId: Types.ObjectId, lines: Line[]): Promise<number> {
    await this.connection.transaction(async (session) => {
      const warehouse = await this.warehouseModel.findById(warehouseId).session(session);
      if (!warehouse) throw new NotFoundException('Warehouse not found');
      const available = lines.every((line) => (warehouse.stock.find((s) => s.sku === line.sku)?.count ?? 0) >= line.quantity);
      if (!available) throw new Error('Not enough stock');
      for (const line of lines) {
        const index = warehouse.stock.findIndex((s) => s.sku === line.sku);
        warehouse.stock[index]!.count -= line.quantity;
      }
      warehouse.stock.sort((a, b) => a.sku.localeCompare(b.sku));
      await warehouse.save({ session });
    });
    return lines.length;
  }
}
