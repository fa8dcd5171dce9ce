import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectConnection, InjectModel } from '@nestjs/mongoose';
import { ClientSession, Connection, HydratedDocument, Model } from 'mongoose';

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

  place(sku: string, qty: number): Promise<HydratedDocument<Order>> {
    let session: ClientSession;
    return this.connection
      .startSession()
      .then((s) => {
        session = s;
        session.startTransaction();
        return this.stockModel.findOneAndUpdate({ sku, qty: { $gte: qty } }, { $inc: { qty: -qty } }, { session });
      })
      .then((stock) => {
        if (!stock) throw new NotFoundException(`not enough ${sku}`);
        return this.orderModel.create([{ sku, qty }], { session });
      })
      .then(([order]) => session.commitTransaction().then(() => order))
      .finally(() => session.endSession());
  }

  async restock(sku: string, qty: number) {
    let session: ClientSession;
    const stock: Stock | null = await this.connection
      .startSession()
      .then((s) => {
        session = s;
        session.startTransaction();
        return this.stockModel.findOneAndUpdate({ sku }, { $inc: { qty } }, { session, new: true });
      })
      .then((doc) => session.commitTransaction().then(() => doc))
      .finally(() => session.endSession());
    return { sku, qty: stock ? stock.qty : 0 };
  }

  // No annotation: the type is the document of the interface the injected model states (Model<Stock>).
  async reserve(sku: string, qty: number) {
    let session: ClientSession;
    const stock = await this.connection
      .startSession()
      .then((s) => {
        session = s;
        session.startTransaction();
        return this.stockModel.findOneAndUpdate({ sku, qty: { $gte: qty } }, { $inc: { qty: -qty } }, { session, new: true });
      })
      .then((doc) => session.commitTransaction().then(() => doc))
      .finally(() => session.endSession());
    return stock ? stock.qty : -1;
  }

  // The commit sits one step down, in the chain the step returns.
  cancel(sku: string): Promise<void> {
    let session: ClientSession;
    return this.connection
      .startSession()
      .then((s) => {
        session = s;
        session.startTransaction();
      })
      .then(() => this.orderModel.deleteMany({ sku }, { session }).then(() => session.commitTransaction()))
      .finally(() => session.endSession());
  }
}
