import mongoose from 'mongoose';
const Payment = mongoose.model('Payment', new mongoose.Schema({ settled: Boolean }));

// A retry counter kept outside the body and written out as `x = x + 1`: a second run of the body
// after a transient error would count again, exactly as `attempts += 1` would.
export async function settle(payments: { id: string }[]): Promise<number> {
  let attempts = 0;
  const session = await mongoose.startSession();
  session.startTransaction();
  try {
    attempts = attempts + 1;
    for (const payment of payments) {
      await Payment.updateOne({ _id: payment.id }, { $set: { settled: true } }, { session });
    }
    await session.commitTransaction();
  } catch (error) {
    await session.abortTransaction();
    throw error;
  } finally {
    await session.endSession();
  }
  return attempts;
}
