const mongoose = require('mongoose');
const service = require('./service');

// service.add(data, session) is a service method, not Set.add(): the session is not kept, so the
// function that made it ends it in a finally.
const add = async (req, res) => {
  const session = await mongoose.startSession();
  try {
    const result = await session.withTransaction(async () => {
      await service.add(req.body, session);
    });
    res.send(result);
  } finally {
    await session.endSession();
  }
};

module.exports = { add };
