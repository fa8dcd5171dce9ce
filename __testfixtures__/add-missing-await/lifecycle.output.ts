import mongoose, { ClientSession, Schema, model } from 'mongoose';

const Item = model('Item', new Schema({ name: String }));

export async function run(session: ClientSession) {
  session.startTransaction();
  await Item.create([{ name: 'x' }], { session });
  await session.commitTransaction();
  await session.endSession();
}

export async function retry() {
  const session = await mongoose.startSession();
  // Not awaited: the finally ends the session while the transaction is still running.
  await session.withTransaction(async () => {
    await Item.create([{ name: 'y' }], { session });
  });
  await mongoose.connection.transaction(async (inner) => {
    await Item.deleteMany({ name: 'z' }, { session: inner });
  });
  await session.endSession();
}

export function legacy(session: ClientSession) {
  session.abortTransaction();
  session.endSession();
}
