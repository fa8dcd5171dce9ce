const mongoose = require('mongoose');

// Every repository's transaction: the work runs between start and commit, without the session.
class BaseRepository {
  constructor(model) {
    this.model = model;
  }

  async transaction(work) {
    const session = await mongoose.startSession();
    session.startTransaction();
    try {
      const result = await work();
      await session.commitTransaction();
      return result;
    } catch (err) {
      if (session.inTransaction()) await session.abortTransaction();
      throw err;
    } finally {
      session.endSession();
    }
  }
}

// A class of the same file with a transaction() of its own, which does hand the session over.
class SessionRepository {
  constructor(model) {
    this.model = model;
  }

  async transaction(work) {
    return this.model.db.transaction((session) => work(session));
  }

  async archive(id) {
    await this.transaction(async (session) => {
      await this.model.updateOne({ _id: id }, { $set: { archived: true } }, { session });
    });
  }
}

module.exports = { BaseRepository, SessionRepository };
