import { Connection, Model } from 'mongoose';

interface Ticket {
  seat: string;
}

// Mongoose 6.0: transaction() does not end its session before 6.1.8, so the chain is reported.
export function reserve(conn: Connection, Tickets: Model<Ticket>, seat: string) {
  return conn.startSession().then((session) => {
    session.startTransaction();
    return Tickets.create([{ seat }], { session })
      .then(() => session.commitTransaction())
      .then(() => session.endSession());
  });
}
