import mongoose, { Schema, model } from 'mongoose';

const Invoice = model('Invoice', new Schema({ customer: String, total: Number, sent: Boolean }));

declare function sendInvoiceEmail(id: unknown): Promise<void>;

// The commit is followed by more work inside the same try. If the email fails, the catch
// aborts a committed transaction and "Cannot call abortTransaction after calling
// commitTransaction" hides the real error.
export async function issueInvoice(customer: string, total: number) {
  const session = await mongoose.startSession();
  try {
    session.startTransaction();
    const [invoice] = await Invoice.create([{ customer, total }], { session });
    await session.commitTransaction();
    session.endSession();
    await sendInvoiceEmail(invoice._id);
    return invoice;
  } catch (error) {
    await session.abortTransaction();
    session.endSession();
    throw error;
  }
}
