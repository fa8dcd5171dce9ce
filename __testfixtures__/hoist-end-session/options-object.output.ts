import { ClientSession, Connection, Model } from 'mongoose';

interface Seat {
  flight: string;
  number: string;
  holder?: string;
}

// A booking service whose session was never ended: the options object carries the session into
// each operation, which is not the session escaping.
export async function holdSeats(connection: Connection, seats: Model<Seat>, flight: string, numbers: string[], holder: string): Promise<number> {
  const session: ClientSession = await connection.startSession();
  try {
    const options = { session };
    session.startTransaction();
    let held = 0;
    for (const number of numbers) {
      const seat = await seats.findOneAndUpdate({ flight, number, holder: { $exists: false } }, { holder }, options);
      if (seat) held++;
    }
    await session.commitTransaction();
    return held;
  } finally {
    await session.endSession();
  }
}
