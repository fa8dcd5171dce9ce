import mongoose, { Schema, model } from 'mongoose';

const Slot = model('Slot', new Schema({ day: String, taken: Boolean }));

// The count without a session checks what other readers see; under AsyncLocalStorage it would
// join the transaction once the body is a transaction() callback.
export async function takeSlot(day: string): Promise<void> {
  const session = await mongoose.startSession();
  session.startTransaction();
  try {
    await Slot.updateOne({ day, taken: false }, { taken: true }, { session });
    const visible = await Slot.countDocuments({ day, taken: true });
    if (visible > 0) throw new Error('already visible outside the transaction');
    await session.commitTransaction();
  } finally {
    await session.endSession();
  }
}
