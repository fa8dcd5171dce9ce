import { Injectable } from '@nestjs/common';
import { InjectConnection, InjectModel } from '@nestjs/mongoose';
import { Connection, Model } from 'mongoose';

interface Invoice {
  customer: string;
  amount: number;
  number: number;
}

interface Sequence {
  name: string;
  value: number;
}

@Injectable()
export class InvoiceRepository {
  constructor(
    @InjectConnection() private readonly connection: Connection,
    @InjectModel('Invoice') private readonly invoices: Model<Invoice>,
    @InjectModel('Sequence') private readonly sequences: Model<Sequence>,
  ) {}

  // Mongoose 7: transaction() resolves to the commit's result, and the values read after the commit
  // state no type; the method's declared return type types the value the callback computes.
  async issue(customer: string, amount: number): Promise<{ id: string; number: number }> {
    const session = await this.connection.startSession();
    try {
      session.startTransaction();
      const sequence = await this.sequences.findOneAndUpdate({ name: 'invoice' }, { $inc: { value: 1 } }, { new: true, upsert: true, session });
      const [invoice] = await this.invoices.create([{ customer, amount, number: sequence!.value }], { session });
      await session.commitTransaction();
      return { id: invoice!.id as string, number: invoice!.number };
    } catch (error) {
      await session.abortTransaction();
      throw error;
    } finally {
      await session.endSession();
    }
  }
}
