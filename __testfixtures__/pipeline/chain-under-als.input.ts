import mongoose, { Schema, model } from 'mongoose';

const Booking = model('Booking', new Schema({ room: String, guest: String }));

// With AsyncLocalStorage on, the converted transaction no longer needs to pass its session.
export function book(room: string, guest: string) {
  let session: any = null;
  return mongoose
    .startSession()
    .then((_session) => {
      session = _session;
      session.startTransaction();
      return Booking.create([{ room, guest }], { session });
    })
    .then(() => Booking.updateMany({ room, guest: { $ne: guest } }, { $set: { bumped: true } }, { session }))
    .then(() => session.commitTransaction())
    .then(() => session.endSession());
}
