import { ClientSession } from 'mongoose';

export async function commitAndEnd(session: ClientSession): Promise<void> {
  await session.commitTransaction();
  session.endSession();
}

export async function abortAndEnd(session: ClientSession): Promise<void> {
  await session.abortTransaction();
  session.endSession();
}
