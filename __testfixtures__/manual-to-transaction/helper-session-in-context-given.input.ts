import { ClientSession, Connection, Model, Types } from 'mongoose';

export interface Order {
  total: number;
  paid: number;
  settled?: boolean;
}

export interface Payment {
  order: Types.ObjectId;
  amount: number;
}

interface PaymentContext {
  session?: ClientSession;
  orderId: Types.ObjectId;
  amount: number;
}

export class PaymentService {
  constructor(
    private readonly connection: Connection,
    private readonly orders: Model<Order>,
    private readonly payments: Model<Payment>,
  ) {}

  // The methods write only with the session they are handed: the body may run twice.
  async settle(orderId: string, amount: number): Promise<Types.ObjectId> {
    const session = await this.connection.startSession();
    session.startTransaction();
    try {
      const order = await this.orders.findById(orderId).session(session);
      if (!order) throw new Error('Order not found');
      await this.record({ session, orderId: order._id, amount });
      await this.markSettled(order._id, { session });
      await session.commitTransaction();
      return order._id;
    } catch (error) {
      await session.abortTransaction();
      throw error;
    } finally {
      await session.endSession();
    }
  }

  // Also called by the nightly import, without a session.
  async record(ctx: PaymentContext): Promise<void> {
    const { session, orderId, amount } = ctx;
    if (!session) {
      await this.payments.create([{ order: orderId, amount }]);
      return;
    }
    await this.payments.create([{ order: orderId, amount }], { session });
    await this.orders.updateOne({ _id: orderId }, { $inc: { paid: amount } }, { session });
  }

  async markSettled(orderId: Types.ObjectId, options: { session?: ClientSession } = {}): Promise<void> {
    await this.orders.updateOne({ _id: orderId }, { $set: { settled: true } }, options);
  }
}
