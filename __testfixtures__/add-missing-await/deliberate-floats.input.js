const { AsyncLocalStorage } = require('node:async_hooks');
const mongoose = require('mongoose');

const store = new AsyncLocalStorage();

// Shapes from Mongoose's own transaction(): an AsyncLocalStorage run() given { session } is not
// a Mongoose operation, and an endSession() with its rejection handled is meant to float.
function transaction(connection, fn) {
  return connection.startSession().then((session) =>
    session
      .withTransaction(
        () =>
          new Promise((resolve) => {
            store.run({ session }, () => resolve(fn(session)));
          }),
      )
      .finally(() => {
        session.endSession().catch(() => {});
      }),
  );
}

module.exports = { transaction, mongoose };
