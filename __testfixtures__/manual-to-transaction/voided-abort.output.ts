import { Connection, Model } from 'mongoose';

export interface Order {
  customer: string;
  total: number;
}

export interface Invoice {
  order: unknown;
  amount: number;
}

// no-floating-promises made the catch write `void` before its abort, which then ran unawaited
// while the finally ended the session; inside transaction() the throw aborts, and is waited for.
export class OrdersService {
  constructor(
    private readonly connection: Connection,
    private readonly orders: Model<Order>,
    private readonly invoices: Model<Invoice>,
  ) {}

  async place(customer: string, total: number): Promise<Order> {
    const order = await this.connection.transaction(async (session) => {
      const [order] = await this.orders.create([{ customer, total }], { session });
      await this.invoices.create([{ order: order._id, amount: total }], { session });
      return order;
    });
    return order;
  }
}
