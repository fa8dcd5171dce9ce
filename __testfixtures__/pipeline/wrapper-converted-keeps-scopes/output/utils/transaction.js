const mongoose = require('mongoose');

const runInTransaction = async (operations) => {
  const result = await mongoose.connection.transaction(async (session) => {
    const result = await operations(session);
    return result;
  });
  return result;
};

module.exports = { runInTransaction };
