const mongoose = require('mongoose');
const jwt = require('jsonwebtoken');
const Member = mongoose.model('Member');
const Invite = mongoose.model('Invite');

const TOKEN_SECRET = 'members-secret';

// Signing a token only computes: a second run of the body signs the same token again, so the
// transaction is rewritten.
async function register({ name, email }) {
  const session = await mongoose.startSession();
  session.startTransaction();
  try {
    const taken = await Member.findOne({ email }).session(session);
    if (taken) {
      const error = new Error('Email already registered');
      error.statusCode = 409;
      throw error;
    }
    const [member] = await Member.create([{ name, email }], { session });
    const token = jwt.sign({ id: String(member._id), email }, TOKEN_SECRET, { expiresIn: '1d' });
    await Invite.deleteMany({ email }, { session });
    await session.commitTransaction();
    session.endSession();
    return { token, member };
  } catch (error) {
    await session.abortTransaction();
    session.endSession();
    throw error;
  }
}

module.exports = { register };
