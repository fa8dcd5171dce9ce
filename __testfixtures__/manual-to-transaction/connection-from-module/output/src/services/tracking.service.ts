import { analyticsConnection } from '../db/connections';
import { events } from '../models/event';
import counters from '../models/counter';

export class TrackingService {
  // Records an event and counts it, in one transaction on the analytics connection.
  async track(name: string, userId: string): Promise<number> {
    const counter = await analyticsConnection.transaction(async (session) => {
      await events.create([{ name, userId, at: new Date() }], { session });
      const counter = await counters.findOneAndUpdate({ name }, { $inc: { count: 1 } }, { upsert: true, new: true, session });
      return counter;
    });
    return counter.count;
  }

  // Forgets an event name: its events and its counter go together.
  async forget(name: string): Promise<void> {
    await counters.db.transaction(async (session) => {
      await events.deleteMany({ name }, { session });
      await counters.deleteOne({ name }, { session });
    });
  }
}
