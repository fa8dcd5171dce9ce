import { Injectable } from '@nestjs/common';
import { InjectConnection, InjectModel } from '@nestjs/mongoose';
import { Connection, HydratedDocument, Model } from 'mongoose';

interface IOrder {
  sku: string;
  qty: number;
}

interface IStock {
  sku: string;
  qty: number;
}

// On Mongoose 7 the values read after the commit are carried out in variables declared before
// transaction(); their type is the document of the interface each injected model is declared
// with (Model<IStock>, Model<IOrder>), written with the HydratedDocument the file imports.
@Injectable()
export class OrdersService {
  constructor(
    @InjectConnection() private readonly connection: Connection,
    @InjectModel('Order') private readonly orderModel: Model<IOrder>,
    @InjectModel('Stock') private readonly stockModel: Model<IStock>,
  ) {}

  async place(sku: string, qty: number) {
    let stock!: HydratedDocument<IStock> | null;
    let order!: HydratedDocument<IOrder>;
    await this.connection.transaction(async (session) => {
      stock = await this.stockModel.findOneAndUpdate({ sku }, { $inc: { qty: -qty } }, { session, new: true });
      [order] = await this.orderModel.create([{ sku, qty }], { session });
    });
    return { order: order.sku, left: stock ? stock.qty : 0 };
  }

  async restock(sku: string, qty: number): Promise<HydratedDocument<IStock>[]> {
    let rows!: HydratedDocument<IStock>[];
    await this.connection.transaction(async (session) => {
      await this.stockModel.updateMany({ sku }, { $inc: { qty } }, { session });
      rows = await this.stockModel.find({ sku }).sort({ qty: 1 }).session(session);
    });
    console.log(`restocked ${rows.length} rows of ${sku}`);
    return rows;
  }
}
