import { Schema, model } from 'mongoose';

const Seat = model('Seat', new Schema({ row: Number, taken: Boolean }));

export const takeSeat = (row: number) =>
  Seat.startSession().then((session) => {
    session.startTransaction();
    return Seat.updateOne({ row, taken: false }, { taken: true }, { session })
      .then(() => session.commitTransaction())
      .then(() => session.endSession());
  });
