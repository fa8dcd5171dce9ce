import mongoose, { ClientSession } from 'mongoose';

// The driver's own withSession() shape: the end sits in the finally, inside a try/catch that
// keeps a failing endSession() from hiding the callback's result. It must stay exactly so.
export async function withSession<T>(callback: (session: ClientSession) => Promise<T>): Promise<T> {
  const session = await mongoose.startSession();
  try {
    return await callback(session);
  } finally {
    try {
      await session.endSession();
    } catch (error) {
      console.warn('could not end the session', error);
    }
  }
}
