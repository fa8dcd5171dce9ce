const mongoose = require('mongoose');

// The same unit of work in JavaScript: helpers in class fields, whose callers are not looked for.
class UnitOfWork {
  begin = async () => {
    const session = await mongoose.startSession();
    session.startTransaction();
    return session;
  };

  commit = async (session) => {
    await session.commitTransaction();
    await session.endSession();
  };

  rollback = async (session) => {
    await session.abortTransaction();
    await session.endSession();
  };
}

module.exports = { UnitOfWork };
