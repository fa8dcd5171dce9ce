import mongoose, { ClientSession, Schema, model } from 'mongoose';

const Seat = model('Seat', new Schema({ flight: String, number: String, taken: Boolean }));
const Passenger = model('Passenger', new Schema({ name: String, seat: String }));

// Called from the transaction with its session: its writes must finish before the commit.
async function assignSeat(flight: string, seat: string, name: string, session: ClientSession) {
  await Seat.updateOne({ flight, number: seat }, { taken: true }, { session }).exec();
  await Passenger.create([{ name, seat }], { session });
}

// Never called from a transaction: left alone.
export async function seedSeat(flight: string, seat: string, session: ClientSession) {
  Seat.create([{ flight, number: seat, taken: false }], { session });
}

export async function checkIn(flight: string, seat: string, name: string) {
  await mongoose.connection.transaction(async (session) => {
    await assignSeat(flight, seat, name, session);
  });
}
