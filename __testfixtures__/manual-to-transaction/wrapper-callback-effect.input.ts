import mongoose, { ClientSession, Schema } from 'mongoose';

interface Payout {
  seller: string;
  amount: number;
  status: string;
}

const Payout = mongoose.model<Payout>('Payout', new Schema<Payout>({ seller: String, amount: Number, status: String }));

async function runInTransaction<T>(fn: (session: ClientSession) => Promise<T>): Promise<T> {
  const session = await mongoose.startSession();
  session.startTransaction();
  try {
    const result = await fn(session);
    await session.commitTransaction();
    return result;
  } catch (error) {
    await session.abortTransaction();
    throw error;
  } finally {
    await session.endSession();
  }
}

export async function requestPayout(seller: string, amount: number): Promise<string> {
  return runInTransaction(async (session) => {
    const [payout] = await Payout.create([{ seller, amount, status: 'requested' }], { session });
    return String(payout._id);
  });
}

export async function settlePayout(payoutId: string): Promise<void> {
  await runInTransaction(async (session) => {
    const payout = await Payout.findByIdAndUpdate(payoutId, { status: 'paid' }, { session, new: true });
    await fetch('https://payments.example.com/transfers', {
      method: 'POST',
      body: JSON.stringify({ seller: payout?.seller, amount: payout?.amount }),
    });
  });
}
