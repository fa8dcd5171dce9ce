import { Schema, model } from 'mongoose';

interface Seat {
  show: string;
  number: number;
  holder?: string;
}

const SeatModel = model<Seat>('Seat', new Schema<Seat>({ show: String, number: Number, holder: String }));

export class BookingError extends Error {}

// Seat booking as a chain of steps; a taken seat aborts and rejects with a BookingError.
export function bookSeat(show: string, number: number, holder: string) {
  let session: any = null;
  return SeatModel.startSession()
    .then((_session) => {
      session = _session;
      session.startTransaction();
      return SeatModel.findOne({ show, number }).session(session);
    })
    .then(async (seat) => {
      if (!seat || seat.holder) {
        await session.abortTransaction();
        session.endSession();
        throw new BookingError(`Seat ${number} is not available`);
      }
      seat.holder = holder;
      await seat.save({ session });
      return seat;
    })
    .then((seat) => session.commitTransaction().then(() => seat))
    .then((seat) => {
      session.endSession();
      return seat;
    });
}
