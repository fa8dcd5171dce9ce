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
    const session = await this.connection.startSession();
    session.startTransaction();
    try {
      const stock = await this.stockModel.findOneAndUpdate({ sku }, { $inc: { qty: -qty } }, { session, new: true });
      const [order] = await this.orderModel.create([{ sku, qty }], { session });
      await session.commitTransaction();
      return { order: order.sku, left: stock ? stock.qty : 0 };
    } catch (error) {
      await session.abortTransaction();
      throw error;
    } finally {
      await session.endSession();
    }
  }

  async restock(sku: string, qty: number): Promise<HydratedDocument<IStock>[]> {
    const session = await this.connection.startSession();
    session.startTransaction();
    try {
      await this.stockModel.updateMany({ sku }, { $inc: { qty } }, { session });
      const rows = await this.stockModel.find({ sku }).sort({ qty: 1 }).session(session);
      await session.commitTransaction();
      console.log(`restocked ${rows.length} rows of ${sku}`);
      return rows;
    } catch (error) {
      await session.abortTransaction();
      throw error;
    } finally {
      await session.endSession();
    }
  }
}
