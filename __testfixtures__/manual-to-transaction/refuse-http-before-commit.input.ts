import mongoose, { Schema, model } from 'mongoose';

const Booking = model('Booking', new Schema({ tour: String, user: String, status: String }));

interface Gateway {
  init(booking: { id: string; amount: number }): Promise<{ url: string }>;
}

// The payment is initialised with an HTTP call before the commit: transaction() may run the body
// again after a transient error, which would open a second payment.
export async function createBooking(gateway: Gateway, tour: string, user: string, amount: number) {
  const session = await mongoose.startSession();
  session.startTransaction();
  try {
    const [booking] = await Booking.create([{ tour, user, status: 'pending' }], { session });
    const payment = await gateway.init({ id: String(booking!._id), amount });
    await session.commitTransaction();
    return payment.url;
  } catch (err) {
    await session.abortTransaction();
    throw err;
  } finally {
    await session.endSession();
  }
}
