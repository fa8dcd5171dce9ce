import { Connection, Model } from 'mongoose';

interface Invoice {
  number: string;
  paid: boolean;
}

export class InvoiceService {
  constructor(
    private readonly connection: Connection,
    private readonly invoices: Model<Invoice>,
  ) {}

  async markPaid(number: string): Promise<void> {
    return this.connection.transaction(async (session) => {
      await this.invoices.updateOne({ number }, { paid: true }, { session });
    });
  }
}
