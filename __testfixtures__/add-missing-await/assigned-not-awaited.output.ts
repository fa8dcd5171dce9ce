import { ClientSession, Model } from 'mongoose';

interface Room {
  number: number;
  booked: boolean;
}

// Service method: the update's result was tested before it existed, and the log entry was
// never waited for at all.
export class BookingService {
  constructor(
    private readonly rooms: Model<Room>,
    private readonly log: Model<{ room: number; action: string }>,
  ) {}

  async book(session: ClientSession, room: number): Promise<boolean> {
    session.startTransaction();
    try {
      const updated = await this.rooms.findOneAndUpdate({ number: room, booked: false }, { booked: true }, { session, new: true }).exec();
      if (!updated) {
        await session.abortTransaction();
        return false;
      }
      const entry = await this.log.create([{ room, action: 'booked' }], { session });
      await session.commitTransaction();
      return true;
    } catch (error) {
      if (session.inTransaction()) await session.abortTransaction();
      throw error;
    }
  }
}
