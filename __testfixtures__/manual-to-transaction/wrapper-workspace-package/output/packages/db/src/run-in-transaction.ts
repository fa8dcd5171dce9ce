import mongoose, { ClientSession } from 'mongoose';

export const runInTransaction = async <T>(work: (session: ClientSession) => Promise<T>): Promise<T> => {
  const result = await mongoose.connection.transaction(async (session) => {
    const result = await work(session);
    return result;
  });
  return result;
};
