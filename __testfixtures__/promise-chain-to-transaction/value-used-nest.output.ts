import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectConnection, InjectModel } from '@nestjs/mongoose';
import { Connection, HydratedDocument, Model } from 'mongoose';

interface Order {
  sku: string;
  qty: number;
}

interface Stock {
  sku: string;
  qty: number;
}

// A NestJS service on Mongoose 7 whose chains give their value to the caller: returned under the
// Promise<T> the method declares, or awaited into a const. transaction() resolves to the commit's
// result there, so the value leaves the callback in a variable of the type the code states (the
// return type, the annotation, or the interface of the model that makes the value).
@Injectable()
export class OrdersService {
  constructor(
    @InjectConnection() private readonly connection: Connection,
    @InjectModel('Order') private readonly orderModel: Model<Order>,
    @InjectModel('Stock') private readonly stockModel: Model<Stock>,
  ) {}

  async place(sku: string, qty: number): Promise<HydratedDocument<Order>> {
    let result!: HydratedDocument<Order>;
    await this.connection.transaction(async (session) => {
      const stock = await this.stockModel.findOneAndUpdate({ sku, qty: { $gte: qty } }, { $inc: { qty: -qty } }, { session });
      if (!stock) throw new NotFoundException(`not enough ${sku}`);
      const [order] = await this.orderModel.create([{ sku, qty }], { session });
      result = order;
    });
    return result;
  }

  async restock(sku: string, qty: number) {
    let result!: Stock | null;
    await this.connection.transaction(async (session) => {
      const doc = await this.stockModel.findOneAndUpdate({ sku }, { $inc: { qty } }, { session, new: true });
      result = doc;
    });
    const stock: Stock | null = result;
    return { sku, qty: stock ? stock.qty : 0 };
  }

  // No annotation: the type is the document of the interface the injected model states (Model<Stock>).
  async reserve(sku: string, qty: number) {
    let result!: HydratedDocument<Stock> | null;
    await this.connection.transaction(async (session) => {
      const doc = await this.stockModel.findOneAndUpdate({ sku, qty: { $gte: qty } }, { $inc: { qty: -qty } }, { session, new: true });
      result = doc;
    });
    const stock = result;
    return stock ? stock.qty : -1;
  }

  // The commit sits one step down, in the chain the step returns.
  async cancel(sku: string): Promise<void> {
    return this.connection.transaction(async (session) => {
      await this.orderModel.deleteMany({ sku }, { session });
    });
  }
}
