const knex = require('knex')({ client: 'pg', connection: process.env.LEDGER_URL });

// The ledger lives in Postgres: a Knex transaction, committed or rolled back by the caller.
exports.getTxSession = () => knex.transaction();
