import { ClientSession, Connection, Model } from 'mongoose';

interface Order {
  closed: boolean;
}

export class OrdersRepository {
  constructor(
    private readonly connection: Connection,
    private readonly orders: Model<Order>,
  ) {}

  // Ends the session whoever made it: the caller's session ends too.
  async close(id: string, parentSession?: ClientSession): Promise<void> {
    const session = parentSession ?? (await this.connection.startSession());
    if (!parentSession) session.startTransaction();
    await this.orders.updateOne({ _id: id }, { $set: { closed: true } }, { session });
    if (!parentSession) await session.commitTransaction();
    await session.endSession();
  }

  // Nothing records whether the session was made here.
  async reopen(id: string, session?: ClientSession): Promise<void> {
    if (!session) {
      session = await this.connection.startSession();
    }
    await this.orders.updateOne({ _id: id }, { $set: { closed: false } }, { session });
  }
}
