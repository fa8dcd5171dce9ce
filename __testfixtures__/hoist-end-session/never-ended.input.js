const mongoose = require('mongoose');
const { Account } = require('./models');

async function closeAccount(owner) {
  const session = await mongoose.connection.startSession();
  session.startTransaction();
  await Account.deleteOne({ owner }, { session });
  await session.commitTransaction();
}

module.exports = { closeAccount };
