const mongoose = require('mongoose');
const { Account } = require('./models');

async function closeAccount(owner) {
  const session = await mongoose.connection.startSession();
  try {
    session.startTransaction();
    await Account.deleteOne({ owner }, { session });
    await session.commitTransaction();
  } finally {
    await session.endSession();
  }
}

module.exports = { closeAccount };
