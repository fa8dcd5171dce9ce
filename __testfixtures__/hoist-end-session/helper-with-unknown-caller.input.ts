import { ClientSession } from 'mongoose';

// The helper is exported: callers elsewhere may rely on it ending the session, and without
// knowing them it must stay as it is.
export async function commitAndClose(session: ClientSession) {
  await session.commitTransaction();
  await session.endSession();
}
