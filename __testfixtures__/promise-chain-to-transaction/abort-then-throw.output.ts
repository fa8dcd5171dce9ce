import { Schema, model } from 'mongoose';

interface Seat {
  show: string;
  number: number;
  holder?: string;
}

const SeatModel = model<Seat>('Seat', new Schema<Seat>({ show: String, number: Number, holder: String }));

export class BookingError extends Error {}

// Seat booking as a chain of steps; a taken seat aborts and rejects with a BookingError.
export async function bookSeat(show: string, number: number, holder: string) {
  const seat = await SeatModel.db.transaction(async (session) => {
    const seat2 = await SeatModel.findOne({ show, number }).session(session);
    if (!seat2 || seat2.holder) {
      throw new BookingError(`Seat ${number} is not available`);
    }
    seat2.holder = holder;
    await seat2.save({ session });
    return seat2;
  });
  return seat;
}
