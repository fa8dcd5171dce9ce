import mongoose, { Schema, model } from 'mongoose';

const Booking = model('Booking', new Schema({ room: String, guest: String }));

// With AsyncLocalStorage on, the converted transaction no longer needs to pass its session.
export async function book(room: string, guest: string) {
  await mongoose.connection.transaction(async () => {
    await Booking.create([{ room, guest }]);
    await Booking.updateMany({ room, guest: { $ne: guest } }, { $set: { bumped: true } });
  });
}
