const mongoose = require('mongoose');

// Transaction helpers exported one by one: a factory hands out a started session, and the
// commit and abort helpers take it back and end it.
exports.startTransaction = async function () {
  const session = await mongoose.startSession();
  session.startTransaction();
  return session;
};

exports.abortTransaction = async function (session) {
  await session.abortTransaction();
  session.endSession();
};

exports.commitTransaction = async function (session) {
  await session.commitTransaction();
  await session.endSession();
};
