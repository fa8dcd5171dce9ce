import mongoose, { ClientSession, Schema, Types } from 'mongoose';

interface Booking {
  room: Types.ObjectId;
  guest: string;
  nights: number;
}

interface Room {
  name: string;
  available: number;
}

const Booking = mongoose.model<Booking>('Booking', new Schema<Booking>({ room: Schema.Types.ObjectId, guest: String, nights: Number }));
const Room = mongoose.model<Room>('Room', new Schema<Room>({ name: String, available: Number }));

export class BookingService {
  private async inTransaction<T>(work: (session: ClientSession) => Promise<T>): Promise<T> {
    const session = await mongoose.startSession();
    session.startTransaction();
    try {
      const result = await work(session);
      await session.commitTransaction();
      return result;
    } catch (error) {
      await session.abortTransaction();
      throw error;
    } finally {
      await session.endSession();
    }
  }

  async book(room: string, guest: string, nights: number): Promise<Types.ObjectId> {
    return this.inTransaction(async (session) => {
      const updated = await Room.updateOne({ _id: room, available: { $gt: 0 } }, { $inc: { available: -1 } }, { session });
      if (updated.modifiedCount === 0) throw new Error(`room ${room} is full`);
      const [booking] = await Booking.create([{ room, guest, nights }], { session });
      return booking._id;
    });
  }

  async cancel(bookingId: string): Promise<void> {
    await this.inTransaction((session) => this.release(bookingId, session));
  }

  private async release(bookingId: string, session: ClientSession): Promise<void> {
    const booking = await Booking.findByIdAndDelete(bookingId, { session });
    if (booking) await Room.updateOne({ _id: booking.room }, { $inc: { available: 1 } }, { session });
  }
}
