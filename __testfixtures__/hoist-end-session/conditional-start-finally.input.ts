import mongoose, { ClientSession } from 'mongoose';
import { GroupModel } from '../models/group';
import { EntryModel } from '../models/entry';

interface Settlement {
  groupId: string;
  userId: string;
  discard: boolean;
}

// The service joins its caller's transaction when given a session, and otherwise starts its own
// under `if (!session)`; the finally ends the session it started. The code is right as it is.
export const settleGroup = async (payload: Settlement, session?: ClientSession) => {
  let localSession: ClientSession | null = null;
  if (!session) {
    localSession = await mongoose.startSession();
    await localSession.startTransaction();
  }
  const activeSession = session || localSession;

  try {
    if (payload.discard) {
      await GroupModel.updateOne({ _id: payload.groupId }, { $set: { settled: false } }, { session: activeSession });
    } else {
      await EntryModel.updateMany({ group: payload.groupId, user: payload.userId }, { $set: { settled: true } }, { session: activeSession });
      await GroupModel.updateOne({ _id: payload.groupId }, { $set: { settled: true } }, { session: activeSession });
    }
    if (localSession) await localSession.commitTransaction();
  } catch (error) {
    if (localSession?.inTransaction()) await localSession.abortTransaction();
    throw error;
  } finally {
    if (localSession) await localSession.endSession();
  }
};
