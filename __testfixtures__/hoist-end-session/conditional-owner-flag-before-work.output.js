const mongoose = require('mongoose');
const User = require('../models/user');
const Token = require('../models/token');
const { readConfig } = require('../config');

// Joins the caller's transaction when given one; otherwise runs its own.
exports.login = async (credentials, session) => {
  const mongooseSession = session ?? (await mongoose.startSession());
  const isNewSession = !session;

  try {
    if (isNewSession) {
      mongooseSession.startTransaction();
    }

    const config = readConfig();
    try {
      const user = await User.findOne({ email: credentials.email }).session(mongooseSession);
      if (!user) throw new Error('User not found.');
      await Token.findOneAndUpdate({ userId: user._id }, { $set: { device: credentials.device } }, { upsert: true }).session(mongooseSession);
      if (isNewSession) {
        await mongooseSession.commitTransaction();
      }
      return { user: user._id, ttl: config.ttl };
    } catch (error) {
      console.error('Login failed:', error);
      if (isNewSession) {
        if (mongooseSession.inTransaction()) await mongooseSession.abortTransaction();
      }
      throw error;
    }
  } finally {
    if (isNewSession) await mongooseSession.endSession();
  }
};

// The flag is declared inside the try: a finally added to that try could not read it.
exports.logout = async (userId, session) => {
  const mongooseSession = session ?? (await mongoose.startSession());
  try {
    const ownsSession = !session;
    if (ownsSession) mongooseSession.startTransaction();
    await Token.deleteMany({ userId }).session(mongooseSession);
    if (ownsSession) {
      await mongooseSession.commitTransaction();
      await mongooseSession.endSession();
    }
    return true;
  } catch (error) {
    console.error('Logout failed:', error);
    throw error;
  }
};

// Code that can throw sits between the start and the flag: the flag cannot stay before a try that covers it.
exports.refresh = async (userId, session) => {
  const mongooseSession = session ?? (await mongoose.startSession());
  const config = readConfig();
  const isNewSession = !session;
  if (isNewSession) mongooseSession.startTransaction();
  try {
    await Token.updateOne({ userId }, { $set: { ttl: config.ttl } }).session(mongooseSession);
    if (isNewSession) {
      await mongooseSession.commitTransaction();
      await mongooseSession.endSession();
    }
    return true;
  } catch (error) {
    if (isNewSession) {
      if (mongooseSession.inTransaction()) await mongooseSession.abortTransaction();
      await mongooseSession.endSession();
    }
    throw error;
  }
};
