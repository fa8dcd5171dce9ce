const mongoose = require('mongoose');
const outbox = require('./outbox');

// The withTransaction() callback never reads the session (the outbox finds its own), so
// transaction()'s callback takes no parameter.
async function flushOutbox() {
  const session = await mongoose.startSession();
  try {
    await session.withTransaction(async () => {
      await outbox.flushPending();
    });
  } finally {
    await session.endSession();
  }
}

module.exports = { flushOutbox };
