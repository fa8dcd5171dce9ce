import { Connection, Model, Types } from 'mongoose';

export interface Booking {
  status: 'active' | 'cancelled';
  seat: Types.ObjectId;
}

export interface Seat {
  taken: boolean;
}

export class NotFoundError extends Error {}

export class BookingsService {
  constructor(
    private readonly connection: Connection,
    private readonly bookingModel: Model<Booking>,
    private readonly seatModel: Model<Seat>,
  ) {}

  // A booking already cancelled returns from inside the try without aborting: the finally's
  // endSession() aborted the open transaction.
  async cancel(bookingId: string): Promise<boolean> {
    let aborted = false;
    await this.connection.transaction(async (session) => {
      const booking = await this.bookingModel.findById(bookingId).session(session);
      if (!booking) throw new NotFoundError('Booking not found');
      if (booking.status === 'cancelled') {
        await session.abortTransaction();
        aborted = true;
        return;
      }

      booking.status = 'cancelled';
      await booking.save({ session });
      await this.seatModel.updateOne({ _id: booking.seat }, { $set: { taken: false } }, { session });
    });
    if (aborted) return false;
    return true;
  }
}
