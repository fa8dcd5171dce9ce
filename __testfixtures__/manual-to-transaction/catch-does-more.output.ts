import mongoose, { Schema, model } from 'mongoose';

const Booking = model('Booking', new Schema({ tour: String, user: String, paid: Boolean }));
const Tour = model('Tour', new Schema({ name: String, seats: Number }));

class AppError extends Error {
  constructor(readonly status: number, cause: unknown) {
    super(String(cause));
  }
}

// The catch wraps the error and the finally also records the attempt: both stay around the call.
export async function cancelBooking(id: string, attempts: string[]): Promise<{ ok: boolean }> {
  try {
    await mongoose.connection.transaction(async (session) => {
      const booking = await Booking.findByIdAndDelete(id, { session });
      await Tour.updateOne({ name: booking?.tour }, { $inc: { seats: 1 } }, { session });
    });
    return { ok: true };
  } catch (err: any) {
    throw new AppError(401, err);
  } finally {
    attempts.push(id);
  }
}
