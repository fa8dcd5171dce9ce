import axios from 'axios';
import { ClientSession, Connection, HydratedDocument, Model } from 'mongoose';

export interface Booking {
  room: string;
  status: string;
}

interface BookingContext {
  session: ClientSession;
  booking: HydratedDocument<Booking>;
}

export class ConflictError extends Error {}

export class BookingService {
  constructor(
    private readonly connection: Connection,
    private readonly bookings: Model<Booking>,
  ) {}

  // The method given the context commits the caller's transaction.
  async confirm(id: string): Promise<Booking> {
    const session = await this.connection.startSession();
    session.startTransaction();
    try {
      const booking = await this.bookings.findById(id).session(session).orFail();
      const ctx: BookingContext = { session, booking };
      await this.finalize(ctx);
      await session.commitTransaction();
      return booking;
    } catch (error) {
      if (session.inTransaction()) await session.abortTransaction();
      throw error;
    } finally {
      await session.endSession();
    }
  }

  // The context's session reaches a method that aborts it before the throw.
  async cancel(id: string): Promise<void> {
    const session = await this.connection.startSession();
    session.startTransaction();
    try {
      const booking = await this.bookings.findById(id).session(session).orFail();
      await this.guardCancellable({ session, booking });
      await this.bookings.updateOne({ _id: id }, { $set: { status: 'cancelled' } }, { session });
      await session.commitTransaction();
    } catch (error) {
      if (session.inTransaction()) await session.abortTransaction();
      throw error;
    } finally {
      await session.endSession();
    }
  }

  // The context method also calls the channel manager, which a retry would call again.
  async hold(id: string): Promise<void> {
    const session = await this.connection.startSession();
    session.startTransaction();
    try {
      const booking = await this.bookings.findById(id).session(session).orFail();
      await this.syncChannel({ session, booking });
      await session.commitTransaction();
    } catch (error) {
      await session.abortTransaction();
      throw error;
    } finally {
      await session.endSession();
    }
  }

  private async finalize(ctx: BookingContext): Promise<void> {
    ctx.booking.status = 'confirmed';
    await ctx.booking.save({ session: ctx.session });
    await ctx.session.commitTransaction();
  }

  private async guardCancellable(ctx: BookingContext): Promise<void> {
    if (ctx.booking.status === 'checked-in') await this.fail(ctx.session, 'Guest already checked in');
  }

  private async fail(session: ClientSession, message: string): Promise<never> {
    await session.abortTransaction();
    throw new ConflictError(message);
  }

  private async syncChannel(ctx: BookingContext): Promise<void> {
    await this.bookings.updateOne({ _id: ctx.booking._id }, { $set: { status: 'held' } }, { session: ctx.session });
    await axios.put(`https://channels.example.com/rooms/${ctx.booking.room}`, { held: true });
  }
}
