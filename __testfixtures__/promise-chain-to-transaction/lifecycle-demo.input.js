const mongoose = require('mongoose');

// A health check written as a chain: the steps between the start and the commit only log.
function checkTransactions() {
  let session;
  return mongoose
    .startSession()
    .then((s) => {
      session = s;
      session.startTransaction();
      console.log('Transaction started');
    })
    .then(() => session.commitTransaction())
    .then(() => console.log('Transaction committed'))
    .then(() => session.endSession());
}

module.exports = { checkTransactions };
