import type { ClientSession } from 'mongoose';

// Importable as '@acme/outbox-kit/helpers/transactions' through the "./*" export.
export async function commitAndEnd(session: ClientSession): Promise<void> {
  await session.commitTransaction();
  await session.endSession();
}

export async function abortAndEnd(session: ClientSession): Promise<void> {
  if (session.inTransaction()) await session.abortTransaction();
  await session.endSession();
}
