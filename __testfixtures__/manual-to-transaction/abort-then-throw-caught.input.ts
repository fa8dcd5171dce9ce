import mongoose from 'mongoose';
import { Invoice } from '../models/invoice';
import { logger } from '../utils/logger';

// The abort is followed by a throw that a try inside the transaction catches, so the code goes
// on after the abort: transaction() cannot express that, and the function stays as it is.
export async function settleInvoice(invoiceId: string) {
  const session = await mongoose.startSession();
  session.startTransaction();
  try {
    const invoice = await Invoice.findById(invoiceId).session(session);
    try {
      if (invoice.status === 'void') {
        await session.abortTransaction();
        throw new Error('Invoice is void');
      }
      invoice.status = 'settled';
      await invoice.save({ session });
    } catch (error: any) {
      logger.warn(`Invoice ${invoiceId} not settled: ${error.message}`);
      return null;
    }
    await session.commitTransaction();
    return invoice;
  } finally {
    session.endSession();
  }
}
