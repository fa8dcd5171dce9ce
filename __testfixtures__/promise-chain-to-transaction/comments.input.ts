import { Connection, Model } from 'mongoose';

interface Ticket {
  event: string;
  seat: string;
  holder: string;
}

// Ticket sale written as a chain, with the author's notes between the steps and after them.
export function sellTicket(connection: Connection, tickets: Model<Ticket>, ticket: Ticket): Promise<void> {
  return connection
    .startSession()
    .then((session) => {
      session.startTransaction(); // one transaction per sale
      return tickets
        .create([ticket], { session }) // the seat is unique, so a second sale fails here
        .then(() => tickets.updateOne({ event: ticket.event, seat: 'pool' }, { $inc: { left: -1 } }, { session }))
        // Nothing is visible to other readers until this commit.
        .then(() => session.commitTransaction())
        .then(() => session.endSession());
    });
}
