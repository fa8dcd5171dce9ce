import mongoose, { ClientSession, Schema, model } from 'mongoose';

const Credit = model('Credit', new Schema({ user: String, amount: Number }));

// One caller hands in a session from withTransaction(): the helper keeps its { session }.
async function grant(user: string, session: ClientSession) {
  await Credit.updateOne({ user }, { $inc: { amount: 1 } }, { session });
}

export async function inTransaction(user: string) {
  await mongoose.connection.transaction(async (session) => {
    await grant(user, session);
  });
}

export async function inWithTransaction(user: string) {
  const session = await mongoose.startSession();
  try {
    await session.withTransaction(() => grant(user, session));
  } finally {
    await session.endSession();
  }
}
