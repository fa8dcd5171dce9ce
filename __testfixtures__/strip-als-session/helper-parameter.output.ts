import mongoose, { ClientSession, Schema, model } from 'mongoose';

const Seat = model('Seat', new Schema({ row: Number, taken: Boolean }));

// A helper that takes only the session loses it, and so do its calls.
const release = async () => {
  await Seat.updateMany({ taken: true }, { taken: false });
};

// Exported: code elsewhere may call it with the session, so its { session } stays.
export async function hold(row: number, session: ClientSession) {
  await Seat.updateOne({ row }, { taken: true }, { session });
}

export async function reshuffle(row: number) {
  await mongoose.connection.transaction(async (session) => {
    await release();
    await hold(row, session);
  });
}
