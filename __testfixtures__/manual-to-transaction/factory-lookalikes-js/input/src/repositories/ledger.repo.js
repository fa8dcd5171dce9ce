const knex = require('knex')({ client: 'pg' });
const mongoose = require('mongoose');

let shared;

class LedgerRepo {
  // A Knex transaction, not a Mongoose session.
  async sessionStart() {
    return knex.transaction();
  }

  // The session kept for the whole process: every caller gets the same one, nobody owns it.
  async currentSession() {
    shared = shared || (await mongoose.startSession());
    return shared;
  }
}

module.exports = LedgerRepo;
