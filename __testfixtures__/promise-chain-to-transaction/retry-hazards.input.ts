import mongoose, { Schema, model } from 'mongoose';

const Stock = model('Stock', new Schema({ sku: String, count: Number }));
const AuditLog = model('AuditLog', new Schema({ message: String }));

declare function reserveAtWarehouse(sku: string): Promise<void>;

function quantityAfter(count: number, taken: number): number {
  return Math.max(count - taken, 0);
}

function reserveEverywhere(sku: string) {
  return reserveAtWarehouse(sku);
}

// Only work on the session and computation in memory: converted.
export function take(sku: string, taken: number) {
  let session: mongoose.ClientSession;
  return mongoose
    .startSession()
    .then((s) => {
      session = s;
      session.startTransaction();
      return Stock.findOne({ sku }).session(session);
    })
    .then((stock) => Stock.updateOne({ sku }, { count: quantityAfter(stock!.count!, taken) }, { session }))
    .then(() => session.commitTransaction())
    .then(() => session.endSession());
}

// The audit entry is written without the session: no abort undoes it, a retry writes it again.
export function takeAudited(sku: string) {
  let session: mongoose.ClientSession;
  return mongoose
    .startSession()
    .then((s) => {
      session = s;
      session.startTransaction();
      return AuditLog.create({ message: `take ${sku}` });
    })
    .then(() => Stock.updateOne({ sku }, { $inc: { count: -1 } }, { session }))
    .then(() => session.commitTransaction())
    .then(() => session.endSession());
}

// A local helper that calls another module: what it does there is unknown.
export function takeReserved(sku: string) {
  let session: mongoose.ClientSession;
  return mongoose
    .startSession()
    .then((s) => {
      session = s;
      session.startTransaction();
      return Stock.updateOne({ sku }, { $inc: { count: -1 } }, { session });
    })
    .then(() => reserveEverywhere(sku))
    .then(() => session.commitTransaction())
    .then(() => session.endSession());
}
