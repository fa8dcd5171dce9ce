import knex, { Knex } from 'knex';

const reportingDb = knex({ client: 'pg', connection: process.env.REPORTING_URL });

// Opens a reporting transaction; the caller commits or rolls it back.
export const start = async (): Promise<Knex.Transaction> => reportingDb.transaction();
