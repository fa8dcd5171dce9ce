const mongoose = require('mongoose');

// Express middleware and helpers whose session outlives the function that starts it.
async function attachSession(req, res, next) {
  const session = await mongoose.startSession();
  session.startTransaction();
  req.dbSession = session;
  next();
}

async function sessionForLocals(req, res, next) {
  const session = await mongoose.startSession();
  res.locals.session = session;
  next();
}

async function endLater(Job) {
  const session = await mongoose.startSession();
  await Job.create([{ state: 'queued' }], { session });
  setTimeout(() => session.endSession(), 1000);
}

const begin = async function () {
  const session = await mongoose.connection.startSession();
  session.startTransaction();
  return session;
};

module.exports = { attachSession, sessionForLocals, endLater, begin };
