import mongoose, { ClientSession } from 'mongoose';

const Order = mongoose.model('Order', new mongoose.Schema({ items: [String] }));

// Exported: other code may still pass the session, so the parameter nothing reads any more stays,
// and the reviewer is told to remove it.
export async function closeSession(session: ClientSession) {
  await session.endSession();
}

export async function place(items: string[]) {
  const session = await mongoose.startSession();
  try {
    await session.withTransaction(() => Order.create([{ items }], { session }));
  } finally {
    await closeSession(session);
  }
}
