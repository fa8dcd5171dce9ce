import mongoose, { Schema, model } from 'mongoose';

mongoose.set('transactionAsyncLocalStorage', true);

const Ticket = model('Ticket', new Schema({ event: String, seat: String, holder: String }));

// Under AsyncLocalStorage: once the hand-managed transaction is a transaction() callback, the
// session options it passes are redundant (every operation carries the session).
export async function buyTicket(event: string, seat: string, holder: string): Promise<void> {
  const session = await mongoose.startSession();
  session.startTransaction();
  try {
    await Ticket.updateOne({ event, seat, holder: null }, { holder }, { session });
    await Ticket.updateMany({ event, holder }, { $set: { confirmed: true } }, { session });
    await session.commitTransaction();
  } catch (error) {
    await session.abortTransaction();
    throw error;
  } finally {
    session.endSession();
  }
}
