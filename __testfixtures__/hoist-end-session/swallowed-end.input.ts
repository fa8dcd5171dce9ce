import mongoose from 'mongoose';
import { Seat } from '../models/seat';
import { HoldLog } from '../models/hold-log';

type Release = { released: boolean; error?: string };

// Releases a held seat; a failed release is reported to the caller, not thrown.
export async function releaseHold(seatId: string, holdId: string): Promise<Release> {
  const session = await mongoose.startSession();
  session.startTransaction();
  try {
    const seat = await Seat.findOneAndUpdate({ _id: seatId, holdId }, { $unset: { holdId: 1 } }, { new: true, session });
    if (!seat) {
      await session.abortTransaction();
      session.endSession();
      return { released: false };
    }
    await HoldLog.create([{ seatId, holdId, action: 'released' }], { session });
    await session.commitTransaction();
    session.endSession();
    return { released: true };
  } catch (err) {
    if (session.inTransaction()) {
      await session.abortTransaction();
    }
    try {
      session.endSession();
    } catch {
      // the session may already be gone
    }
    return { released: false, error: err instanceof Error ? err.message : String(err) };
  }
}
