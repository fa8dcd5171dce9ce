import { ClientSession, Connection, Model } from 'mongoose';

interface Stock {
  sku: string;
  qty: number;
}

// Chains whose value is used where transaction() would not give the same value (Mongoose 7).
export class StockService {
  constructor(
    private readonly connection: Connection,
    private readonly stockModel: Model<Stock>,
  ) {}

  // The model states its interface (Model<Stock>), but the file imports neither HydratedDocument
  // nor Document to write the document's type with, and an untyped variable carrying the value
  // out of the callback would be `undefined` to the type checker after the call.
  async restock(sku: string, qty: number) {
    let session: ClientSession;
    const stock = await this.connection
      .startSession()
      .then((s) => {
        session = s;
        session.startTransaction();
        return this.stockModel.findOneAndUpdate({ sku }, { $inc: { qty } }, { session, new: true });
      })
      .then((doc) => session.commitTransaction().then(() => doc))
      .finally(() => session.endSession());
    return stock?.qty ?? 0;
  }

  // The .catch() gives the declared value on failure.
  async reserve(sku: string, qty: number) {
    let session: ClientSession;
    const outcome: { ok: boolean; error?: string } = await this.connection
      .startSession()
      .then((s) => {
        session = s;
        session.startTransaction();
        return this.stockModel.updateOne({ sku, qty: { $gte: qty } }, { $inc: { qty: -qty } }, { session });
      })
      .then(() => session.commitTransaction())
      .then(() => ({ ok: true }))
      .catch((error: Error) => {
        session.endSession();
        return { ok: false, error: error.message };
      });
    return outcome;
  }

  // The declared value is what endSession() resolved to, not anything the transaction made.
  async clear(sku: string) {
    let session: ClientSession;
    const ended = await this.connection
      .startSession()
      .then((s) => {
        session = s;
        session.startTransaction();
        return this.stockModel.deleteMany({ sku }, { session });
      })
      .then(() => session.commitTransaction())
      .then(() => session.endSession());
    return ended;
  }
}
