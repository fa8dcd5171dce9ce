const mongoose = require('mongoose');

// Health check: can a session be opened and closed? Nothing runs in between, so there is
// nothing for a finally to protect.
async function sessionProbe() {
  const session = await mongoose.startSession();
  await session.endSession();
  return true;
}

module.exports = { sessionProbe };
