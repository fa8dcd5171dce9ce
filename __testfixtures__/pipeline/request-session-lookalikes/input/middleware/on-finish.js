const mongoose = require('mongoose');

// Commits once the response is sent, when the handler's writes are done.
async function transactional(req, res, next) {
  const session = await mongoose.startSession();
  session.startTransaction();
  req.dbSession = session;
  res.on('finish', async () => {
    try {
      if (res.statusCode < 400) await session.commitTransaction();
      else await session.abortTransaction();
    } finally {
      await session.endSession();
    }
  });
  next();
}

module.exports = { transactional };
