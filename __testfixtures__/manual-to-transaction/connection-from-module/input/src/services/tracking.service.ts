import { analyticsConnection } from '../db/connections';
import { events } from '../models/event';
import counters from '../models/counter';

export class TrackingService {
  // Records an event and counts it, in one transaction on the analytics connection.
  async track(name: string, userId: string): Promise<number> {
    const session = await analyticsConnection.startSession();
    try {
      session.startTransaction();
      await events.create([{ name, userId, at: new Date() }], { session });
      const counter = await counters.findOneAndUpdate({ name }, { $inc: { count: 1 } }, { upsert: true, new: true, session });
      await session.commitTransaction();
      return counter.count;
    } catch (error) {
      await session.abortTransaction();
      throw error;
    } finally {
      await session.endSession();
    }
  }

  // Forgets an event name: its events and its counter go together.
  async forget(name: string): Promise<void> {
    const session = await counters.startSession();
    session.startTransaction();
    try {
      await events.deleteMany({ name }, { session });
      await counters.deleteOne({ name }, { session });
      await session.commitTransaction();
    } catch (error) {
      await session.abortTransaction();
      throw error;
    } finally {
      await session.endSession();
    }
  }
}
