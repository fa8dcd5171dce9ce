import mongoose from 'mongoose';
import knex, { Knex } from 'knex';
import { Audit } from '../models/audit';

const db = knex({ client: 'pg', connection: process.env.PG_URL });

export class SessionRepository {
  // Named like a session factory, but hands out a plain record about a session it ended.
  async openSession(): Promise<{ id: string; at: Date }> {
    const session = await mongoose.startSession();
    await session.endSession();
    return { id: String(session.id), at: new Date() };
  }

  // A Knex transaction made by a factory: committed and rolled back by its own API.
  async getTxSession(): Promise<Knex.Transaction> {
    return db.transaction();
  }
}

export class AccountService {
  constructor(private readonly sessions: SessionRepository) {}

  async recordLogin(userId: string): Promise<void> {
    const lastsession = await this.sessions.openSession();
    await Audit.create({ userId, lastsession });
  }

  async transfer(from: string, to: string, amount: number): Promise<void> {
    const txsession = await this.sessions.getTxSession();
    try {
      await txsession('accounts').where({ id: from }).decrement('balance', amount);
      await txsession('accounts').where({ id: to }).increment('balance', amount);
      await txsession.commit();
    } catch (err) {
      await txsession.rollback();
      throw err;
    }
  }
}
