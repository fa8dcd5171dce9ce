import { Request, Response } from 'express';
import mongoose from 'mongoose';
import { Invoice } from '../models/invoice';
import { respondWithError } from '../http/respond';
import { abortQuietly } from '../db/transactions';

// An Express controller whose early exits go through a response helper that also aborts the
// transaction it is given; the finally already ends the session.
export async function payInvoice(req: Request, res: Response): Promise<Response> {
  const session = await mongoose.startSession();
  try {
    session.startTransaction();
    const invoice = await Invoice.findById(req.params.id).session(session);
    if (!invoice) return respondWithError(res, 404, 'Invoice not found', session);
    if (invoice.paid) return respondWithError(res, 409, 'Invoice already paid', session);
    invoice.paid = true;
    await invoice.save({ session });
    await session.commitTransaction();
    return res.json(invoice);
  } catch (error) {
    if (session.inTransaction()) await session.abortTransaction();
    return res.status(500).json({ message: (error as Error).message });
  } finally {
    await session.endSession();
  }
}

// The abort is made by a helper of another module before the early answer.
export async function refundInvoice(req: Request, res: Response): Promise<Response> {
  const session = await mongoose.startSession();
  try {
    session.startTransaction();
    const invoice = await Invoice.findById(req.params.id).session(session);
    if (!invoice?.paid) {
      await abortQuietly(session);
      return res.status(409).json({ message: 'Nothing to refund' });
    }
    invoice.paid = false;
    await invoice.save({ session });
    await session.commitTransaction();
    return res.json(invoice);
  } catch (error) {
    if (session.inTransaction()) await session.abortTransaction();
    return res.status(500).json({ message: (error as Error).message });
  } finally {
    await session.endSession();
  }
}
