import { Connection, Model } from 'mongoose';

interface Seat {
  _id: string;
  free: boolean;
  save(options: object): Promise<unknown>;
}

// A NestJS-style service: every early return aborts and ends the session by hand.
export class BookingService {
  constructor(
    private readonly connection: Connection,
    private readonly seats: Model<Seat>,
  ) {}

  async book(seatId: string, userId: string): Promise<string> {
    const session = await this.connection.startSession();
    session.startTransaction();
    try {
      const seat = await this.seats.findById(seatId).session(session);
      if (!seat) {
        await session.abortTransaction();
        return 'missing';
      }
      if (!seat.free) {
        await session.abortTransaction();
        return 'taken';
      }
      seat.free = false;
      await seat.save({ session });
      await session.commitTransaction();
      return `booked for ${userId}`;
    } catch (error) {
      if (session.inTransaction()) await session.abortTransaction();
      throw error;
    } finally {
      await session.endSession();
    }
  }
}
