import mongoose, { Schema, model } from 'mongoose';

const Payment = model('Payment', new Schema({ status: String, attempts: Number }));

declare const metrics: { increment(name: string): void };
declare const logger: { warn(error: unknown): void };

export async function capture(paymentId: string) {
  const session = await mongoose.startSession();
  try {
    await session.withTransaction(async () => {
      await Payment.updateOne({ _id: paymentId }, { status: 'captured' }, { session });
      // Meant as non-fatal, but it still has to finish before the commit.
      Payment.updateOne({ _id: paymentId }, { $inc: { attempts: 1 } }, { session }).catch((error) => logger.warn(error));
      Payment.countDocuments({ status: 'captured' }).session(session).then(() => metrics.increment('captured'));
    });
  } finally {
    await session.endSession();
  }
}
