import { Logger } from '@nestjs/common';
import { ClientSession, Connection, Model } from 'mongoose';
import { chargeCard } from '../payments/gateway';

export interface Invoice {
  customer: string;
  amount: number;
  status: string;
}

export class InvoiceService {
  private readonly logger = new Logger(InvoiceService.name);

  constructor(
    private readonly connection: Connection,
    private readonly invoices: Model<Invoice>,
  ) {}

  // The card is charged inside the transaction: the session is created in the try, so the catch
  // checks it exists before it aborts, without waiting (no-floating-promises).
  async pay(invoiceId: string): Promise<Invoice> {
    let session: ClientSession | undefined;
    try {
      session = await this.connection.startSession();
      session.startTransaction();
      const invoice = await this.invoices.findById(invoiceId).session(session).orFail();
      await chargeCard(invoice.customer, invoice.amount);
      invoice.status = 'paid';
      await invoice.save({ session });
      await session.commitTransaction();
      return invoice;
    } catch (error) {
      if (session?.inTransaction()) void session.abortTransaction();
      this.logger.error(`Payment of invoice ${invoiceId} failed`);
      throw error;
    } finally {
      await session?.endSession();
    }
  }
}
