const mongoose = require('mongoose');
const { addPoints } = require('../repositories/points');

async function reward(userId) {
  await mongoose.connection.transaction(async (session) => {
    await addPoints(userId, 10, session);
  });
}

module.exports = { reward };
