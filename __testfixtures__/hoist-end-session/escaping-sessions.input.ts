import mongoose, { ClientSession, Schema, model } from 'mongoose';
import { EventEmitter } from 'node:events';

const Event = model('Event', new Schema({ at: Date }));

// Each session below outlives the function that starts it, so a finally there would end it
// while someone still uses it.
export async function openSession(): Promise<ClientSession> {
  const session = await mongoose.startSession();
  session.startTransaction();
  return session;
}

export class TransactionRegistry {
  private readonly sessions: Record<string, ClientSession> = {};

  async begin(id: string) {
    const session = await mongoose.startSession();
    session.startTransaction();
    this.sessions[id] = session;
  }

  async commit(id: string) {
    const session = this.sessions[id];
    await session.commitTransaction();
    await session.endSession();
    delete this.sessions[id];
  }
}

export async function streamEvents(res: EventEmitter) {
  const session = await mongoose.startSession();
  const cursor = Event.find().session(session).cursor();
  res.on('finish', () => session.endSession());
  return cursor;
}

export async function latestEvents() {
  const session = await mongoose.startSession();
  return Event.find().sort({ at: -1 }).session(session);
}
