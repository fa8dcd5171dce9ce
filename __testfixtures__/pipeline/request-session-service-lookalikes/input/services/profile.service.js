const { User, Audit } = require('../models');

// Runs in the request's transaction, one operation after the other; the middleware commits it.
async function rename(userId, name, session) {
  await User.updateOne({ _id: userId }, { name }, { session });
  await Audit.create([{ user: userId, action: 'rename' }], { session });
}

module.exports = { rename };
