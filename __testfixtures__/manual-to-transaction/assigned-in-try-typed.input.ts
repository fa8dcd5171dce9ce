import mongoose, { ClientSession } from 'mongoose';

const Seat = mongoose.model('Seat', new mongoose.Schema({ show: String, number: String, holder: String }));

// The session is declared before the try that creates it, typed, and ended with ?. in the finally.
export async function holdSeat(show: string, number: string, holder: string): Promise<boolean> {
  let session: ClientSession | undefined;
  try {
    session = await mongoose.startSession();
    session.startTransaction();
    const seat = await Seat.findOneAndUpdate({ show, number, holder: null }, { holder }, { session, new: true });
    await session.commitTransaction();
    return seat !== null;
  } catch (error) {
    if (session?.inTransaction()) await session.abortTransaction();
    throw error;
  } finally {
    await session?.endSession();
  }
}
