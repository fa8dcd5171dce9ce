import mongoose, { Schema, model } from 'mongoose';

mongoose.set('transactionAsyncLocalStorage', true);

const Ticket = model('Ticket', new Schema({ event: String, seat: String, holder: String }));

// Under AsyncLocalStorage: once the hand-managed transaction is a transaction() callback, the
// session options it passes are redundant (every operation carries the session).
export async function buyTicket(event: string, seat: string, holder: string): Promise<void> {
  await mongoose.connection.transaction(async () => {
    await Ticket.updateOne({ event, seat, holder: null }, { holder });
    await Ticket.updateMany({ event, holder }, { $set: { confirmed: true } });
  });
}
