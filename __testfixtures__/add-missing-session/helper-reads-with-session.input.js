const mongoose = require('mongoose');
const User = require('../models/user');
const Unit = require('../models/unit');
const Lesson = require('../models/lesson');

// Lookups that take an optional session and only read with it: called without it inside the
// transaction, they read outside it, which is a read the code may mean; nothing to report.
async function findUserById(id, session) {
  const query = User.findById(id).select('-password');
  const user = session ? await query.session(session) : await query;
  return user;
}

async function findUnitById(id, session) {
  const unit = await Unit.findById(id).session(session || null);
  return unit;
}

// A helper that writes with its session: called without it, its write leaves the transaction.
async function touchUnit(id, session) {
  await Unit.updateOne({ _id: id }, { $set: { touchedAt: new Date() } }, { session });
}

exports.createLesson = async (body) => {
  const session = await mongoose.startSession();
  session.startTransaction();
  try {
    const user = await findUserById(body.userId);
    if (!user) throw new Error('User not found');
    const unit = await findUnitById(body.unitId);
    if (!unit) throw new Error('Unit not found');
    await touchUnit(body.unitId);
    const [lesson] = await Lesson.create([{ title: body.title, unit: unit._id, author: user._id }], { session });
    await session.commitTransaction();
    return lesson;
  } catch (error) {
    await session.abortTransaction();
    throw error;
  } finally {
    await session.endSession();
  }
};
