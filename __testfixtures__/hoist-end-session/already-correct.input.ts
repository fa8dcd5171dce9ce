import mongoose, { Schema, model } from 'mongoose';

const Order = model('Order', new Schema({ item: String }));

export async function place(item: string) {
  const session = await mongoose.startSession();
  try {
    return await session.withTransaction(async () => {
      const [order] = await Order.create([{ item }], { session });
      return order;
    });
  } finally {
    await session.endSession();
  }
}

export async function placeManually(item: string) {
  const session = await Order.startSession();
  session.startTransaction();
  try {
    await Order.create([{ item }], { session });
    await session.commitTransaction();
  } catch (error) {
    if (session.inTransaction()) await session.abortTransaction();
    throw error;
  } finally {
    session.endSession();
  }
}

export async function viaTransaction(item: string) {
  await mongoose.connection.transaction(async (session) => {
    await Order.create([{ item }], { session });
  });
}
