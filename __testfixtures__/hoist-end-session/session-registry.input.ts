import { randomUUID } from 'node:crypto';
import type { ClientSession, Connection } from 'mongoose';

// A database adapter that hands out transaction ids: the session lives in a registry between
// begin and commit, so neither method owns it alone.
export class MongooseAdapter {
  private readonly sessions: Record<string, ClientSession> = {};

  constructor(private readonly connection: Connection) {}

  async beginTransaction(): Promise<string> {
    const id = randomUUID();
    this.sessions[id] = await this.connection.startSession();
    this.sessions[id]!.startTransaction();
    return id;
  }

  async commitTransaction(id: string): Promise<void> {
    const session = this.sessions[id];
    if (!session) return;
    delete this.sessions[id];
    await session.commitTransaction();
    await session.endSession();
  }
}
