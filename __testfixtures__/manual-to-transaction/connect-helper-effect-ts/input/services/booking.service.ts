import mongoose from 'mongoose';
import connectDB from '../lib/mongodb';
import { takeQuota } from '../lib/quota';
import { Seat } from '../models/Seat';
import { Booking, IBooking } from '../models/Booking';

export async function holdSeat(seatId: string, userId: string): Promise<IBooking> {
  const session = await mongoose.startSession();
  session.startTransaction();
  try {
    await connectDB();
    const seat = await Seat.findOneAndUpdate({ _id: seatId, heldBy: null }, { $set: { heldBy: userId } }, { new: true, session });
    if (!seat) throw new Error('Seat is taken');
    const [booking] = await Booking.create([{ seat: seatId, user: userId }], { session });
    await session.commitTransaction();
    return booking;
  } catch (error) {
    await session.abortTransaction();
    throw error;
  } finally {
    await session.endSession();
  }
}

// takeQuota() changes numbers it read before: a second run would count the booking twice.
export async function numberedHold(seatId: string, userId: string): Promise<IBooking> {
  const session = await mongoose.startSession();
  session.startTransaction();
  try {
    await connectDB();
    const number = takeQuota();
    const [booking] = await Booking.create([{ seat: seatId, user: userId, number }], { session });
    await session.commitTransaction();
    return booking;
  } catch (error) {
    await session.abortTransaction();
    throw error;
  } finally {
    await session.endSession();
  }
}
