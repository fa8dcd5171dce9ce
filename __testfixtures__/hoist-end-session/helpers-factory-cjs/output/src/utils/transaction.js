const mongoose = require('mongoose');

exports.startTransaction = async function () {
  const session = await mongoose.startSession();
  session.startTransaction();
  return session;
};

exports.commitTransaction = async function (session) {
  await session.commitTransaction();
};

exports.abortTransaction = async function (session) {
  if (session.inTransaction()) await session.abortTransaction();
};
