import { ClientSession, Model } from 'mongoose';

type Done = (err: Error | null) => void;

// A Mongoose 6 repository whose callers hand in a completion callback: it reaches the
// operation in its callback position, so the call already runs and must not be awaited too.
export class StockRepository {
  constructor(private readonly stock: Model<{ sku: string; count: number }>) {}

  async reserve(session: ClientSession, sku: string, count: number, done: Done): Promise<void> {
    session.startTransaction();
    this.stock.updateOne({ sku }, { $inc: { count: -count } }, { session }, done);
    this.stock.findOneAndUpdate({ sku }, { $set: { reservedAt: new Date() } }, { session, new: true }, this.onReserved);
    await session.commitTransaction();
  }

  private onReserved(err: Error | null): void {
    if (err) console.error(err);
  }
}
