import mongoose, { Schema, model } from 'mongoose';

const Seat = model('Seat', new Schema({ flight: String, taken: Boolean }));

// Ending the session inside the callback makes the driver abort the transaction, and
// transaction() then resolves as if it had succeeded: a silent rollback.
export async function book(flight: string) {
  await mongoose.connection.transaction(async (session) => {
    await Seat.updateOne({ flight, taken: false }, { taken: true }, { session });
  });
}

export async function bookWithHelper(flight: string) {
  const session = await mongoose.startSession();
  try {
    await session.withTransaction(async () => {
      await Seat.updateOne({ flight, taken: false }, { taken: true }, { session });
    });
  } finally {
    await session.endSession();
  }
}
