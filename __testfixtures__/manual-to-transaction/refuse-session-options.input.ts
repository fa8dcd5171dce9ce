import mongoose from 'mongoose';

const Reading = mongoose.model('Reading', new mongoose.Schema({ sensor: String, value: Number }));

// A causally consistent session: transaction() starts a session of its own, without options.
export async function recordReadings(sensor: string, values: number[]): Promise<void> {
  const session = await mongoose.startSession({ causalConsistency: true });
  session.startTransaction();
  try {
    await Reading.insertMany(values.map((value) => ({ sensor, value })), { session });
    await session.commitTransaction();
  } catch (error) {
    await session.abortTransaction();
    throw error;
  } finally {
    await session.endSession();
  }
}
