import mongoose from 'mongoose';
import { Booking } from '../models/booking';

// Jest tests that check what create() and a session-less write do as written: left alone.
describe('bookings', () => {
  it('rejects several documents with a session and without ordered', async () => {
    const session = await mongoose.startSession();
    session.startTransaction();
    await expect(Booking.create([{ slot: 1 }, { slot: 2 }], { session })).rejects.toThrow(/ordered/);
    await expect(async () => {
      await Booking.updateOne({ slot: 1 }, { $set: { slot: 3 } });
    }).rejects.toThrow();
    await session.abortTransaction();
    await session.endSession();
  });
});
