import { ClientSession } from 'mongoose';

export async function commitAndEnd(session: ClientSession): Promise<void> {
  await session.commitTransaction();
}

export async function abortAndEnd(session: ClientSession): Promise<void> {
  if (session.inTransaction()) await session.abortTransaction();
}
