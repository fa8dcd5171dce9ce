import knexFactory, { Knex } from 'knex';
import mongoose, { ClientSession } from 'mongoose';

const knex = knexFactory({ client: 'pg' });
let shared: ClientSession | undefined;

export class LedgerRepo {
  // A Knex transaction, not a Mongoose session.
  async sessionStart(): Promise<Knex.Transaction> {
    return knex.transaction();
  }

  // The session kept for the whole process: every caller gets the same one, nobody owns it.
  async currentSession(): Promise<ClientSession> {
    shared = shared ?? (await mongoose.startSession());
    return shared;
  }
}
