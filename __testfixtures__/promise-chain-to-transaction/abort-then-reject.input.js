const User = require('../models/user');

// The abort's own callback throws the business error: inside transaction() that rejection would
// abort by itself and the explicit abort would fail first, so the chain is left for a person.
function withdraw(userId, amount) {
  let session;
  return User.startSession()
    .then((s) => {
      session = s;
      session.startTransaction();
      return User.findById(userId).session(session);
    })
    .then((user) => {
      if (!user || user.balance < amount) {
        return session.abortTransaction().then(() => {
          throw new Error('Insufficient funds');
        });
      }
      user.balance -= amount;
      return user.save({ session });
    })
    .then(() => session.commitTransaction())
    .finally(() => session.endSession());
}

module.exports = { withdraw };
