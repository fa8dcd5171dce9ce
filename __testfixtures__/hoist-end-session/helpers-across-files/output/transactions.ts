import { ClientSession } from 'mongoose';

export async function commitAndEnd(session: ClientSession): Promise<void> {
  await session.commitTransaction();
}

export async function abortAndEnd(session: ClientSession): Promise<void> {
  await session.abortTransaction();
}
