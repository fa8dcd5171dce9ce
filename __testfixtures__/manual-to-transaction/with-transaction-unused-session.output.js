const mongoose = require('mongoose');
const outbox = require('./outbox');

// The withTransaction() callback never reads the session (the outbox finds its own), so
// transaction()'s callback takes no parameter.
async function flushOutbox() {
  await mongoose.connection.transaction(async () => {
    await outbox.flushPending();
  });
}

module.exports = { flushOutbox };
