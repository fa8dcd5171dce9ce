const mongoose = require('mongoose');
const LedgerRepo = require('../repositories/ledger.repo');

class LedgerService {
  constructor() {
    this.repo = new LedgerRepo();
  }

  async record(entry) {
    const session = await this.repo.sessionStart();
    try {
      await session('entries').insert(entry);
      await session.commit();
    } catch (error) {
      await session.rollback();
      throw error;
    }
  }

  async move(entry) {
    const session = await this.repo.currentSession();
    session.startTransaction();
    try {
      await mongoose.connection.collection('entries').insertOne(entry, { session });
      await session.commitTransaction();
    } catch (error) {
      await session.abortTransaction();
      throw error;
    }
  }
}

module.exports = LedgerService;
