import { Schema, model } from 'mongoose';

const Seat = model('Seat', new Schema({ row: Number, taken: Boolean }));

export const takeSeat = async (row: number) => {
  await Seat.db.transaction(async (session) => {
    await Seat.updateOne({ row, taken: false }, { taken: true }, { session });
  });
};
