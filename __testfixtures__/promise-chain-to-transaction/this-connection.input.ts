import { ClientSession, Connection, Model } from 'mongoose';

interface Invoice {
  number: string;
  paid: boolean;
}

export class InvoiceService {
  constructor(
    private readonly connection: Connection,
    private readonly invoices: Model<Invoice>,
  ) {}

  markPaid(number: string): Promise<void> {
    let session: ClientSession;
    return this.connection
      .startSession()
      .then((s) => {
        session = s;
        session.startTransaction();
        return this.invoices.updateOne({ number }, { paid: true }, { session });
      })
      .then(() => session.commitTransaction())
      .finally(() => session.endSession());
  }
}
