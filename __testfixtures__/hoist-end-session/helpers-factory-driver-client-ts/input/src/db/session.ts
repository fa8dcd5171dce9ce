import type { ClientSession } from 'mongodb';
import { mongoClient } from './client';

export const start = async (): Promise<ClientSession> => {
  const session = mongoClient().startSession();
  session.startTransaction();
  return session;
};

export const commit = async (session: ClientSession): Promise<void> => {
  await session.commitTransaction();
  await session.endSession();
};

export const abort = async (session: ClientSession | null): Promise<void> => {
  if (!session || !session.inTransaction()) return;
  await session.abortTransaction();
  await session.endSession();
};
