import mongoose, { Schema } from 'mongoose';
import { db } from './db';
import { Report } from './reporting';

const Invoice = mongoose.model('Invoice', new Schema({ customer: String, total: Number, paid: Boolean }));

// On the default instance, AsyncLocalStorage supplies the session.
export async function payInvoice(id: string): Promise<void> {
  await mongoose.connection.transaction(async (session) => {
    await Invoice.updateOne({ _id: id }, { paid: true });
    await Report.updateOne({ month: '2026-11' }, { $inc: { total: 1 } }, { session });
  });
}

// A connection imported from another module: this package also creates an instance of its own,
// so whether AsyncLocalStorage covers it cannot be told from here.
export async function voidInvoice(id: string): Promise<void> {
  await db.transaction(async (session) => {
    await db.model('Invoice').deleteOne({ _id: id }, { session });
  });
}
