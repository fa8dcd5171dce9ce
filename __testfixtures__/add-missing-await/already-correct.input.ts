import mongoose, { Schema, model } from 'mongoose';

const Seat = model('Seat', new Schema({ row: Number, taken: Boolean }));

export async function book(rows: number[]) {
  await mongoose.connection.transaction(async (session) => {
    for (const row of rows) {
      await Seat.updateOne({ row, taken: false }, { taken: true }, { session });
    }
    const taken = await Seat.countDocuments({ taken: true }).session(session);
    if (taken > 100) throw new Error('full');
  });
}
