import { Request, Response } from 'express';
import mongoose from 'mongoose';
import { Booking } from '../models/booking';

// withTransaction() with endSession() in the try, the catch, and inside its callback.
export async function cancelBooking(req: Request, res: Response): Promise<void> {
  const session = await mongoose.startSession();
  try {
    await session.withTransaction(async () => {
      await Booking.updateOne({ _id: req.params.id }, { status: 'cancelled' }, { session });
    });
    res.json({ message: 'Cancelled' });
  } catch (error) {
    res.status(500).json({ message: (error as Error).message });
  } finally {
    await session.endSession();
  }
}
