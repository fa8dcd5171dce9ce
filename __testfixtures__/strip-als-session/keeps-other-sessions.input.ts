import mongoose, { ClientSession, Schema, model } from 'mongoose';

const Seat = model('Seat', new Schema({ row: Number, taken: Boolean }));

class TransactionHost {
  tx!: ClientSession;
}

// Only the transaction() callback's own parameter is ALS's session.
export class Booking {
  constructor(private readonly txHost: TransactionHost) {}

  async book(row: number) {
    await mongoose.connection.transaction(async (session) => {
      await Seat.updateOne({ row }, { taken: true }, { session: this.txHost.tx });
      // A nested transaction() gets its own session: the outer one is not ALS's there.
      await mongoose.connection.transaction(async () => {
        await Seat.updateOne({ row: row + 1 }, { taken: true }, { session });
      });
    });
  }

  async manual(row: number) {
    const session = await mongoose.startSession();
    session.startTransaction();
    try {
      await Seat.updateOne({ row }, { taken: false }, { session });
      await session.commitTransaction();
    } finally {
      await session.endSession();
    }
  }

  async helper(row: number) {
    const session = await mongoose.startSession();
    try {
      await session.withTransaction(async () => {
        await Seat.updateOne({ row }, { taken: false }, { session });
      });
    } finally {
      await session.endSession();
    }
  }
}
