import mongoose, { Model } from 'mongoose';

interface Invoice {
  customer: string;
  lines: string[];
  total?: number;
}

// The caller's draft is saved, then changed: after a transient error a second run would save the
// changed draft, so the transaction stays hand-managed.
export async function issue(Invoices: Model<Invoice>, draft: Invoice) {
  const session = await mongoose.startSession();
  session.startTransaction();
  try {
    await Invoices.create([draft], { session });
    draft.lines = draft.lines.filter((line) => line !== 'placeholder');
    await Invoices.updateOne({ customer: draft.customer }, { $set: { lines: draft.lines } }, { session });
    await session.commitTransaction();
  } catch (error) {
    await session.abortTransaction();
    throw error;
  } finally {
    await session.endSession();
  }
}
