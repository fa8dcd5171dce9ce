import { Connection, Model } from 'mongoose';

interface Ticket {
  event: string;
  seat: string;
  holder: string;
}

// Ticket sale written as a chain, with the author's notes between the steps and after them.
export async function sellTicket(connection: Connection, tickets: Model<Ticket>, ticket: Ticket): Promise<void> {
  await connection.transaction(async (session) => { // one transaction per sale
    await tickets
      .create([ticket], { session }); // the seat is unique, so a second sale fails here
    await tickets.updateOne({ event: ticket.event, seat: 'pool' }, { $inc: { left: -1 } }, { session });
  });
  // Nothing is visible to other readers until this commit.
}
