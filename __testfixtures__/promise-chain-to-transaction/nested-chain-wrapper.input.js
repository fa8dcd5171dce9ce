import mongoose from 'mongoose';

// A home-made wrapper whose commit, abort and end sit in a chain returned from the step that
// starts the transaction: the reason names the nested commit, not a missing one.
export const startSessionAndTransaction = (operations) => {
  return mongoose.startSession().then((session) => {
    session.startTransaction();
    return operations(session)
      .then(() => session.commitTransaction())
      .then(() => {
        console.log('Transaction committed.');
      })
      .catch((error) => {
        return session.abortTransaction().then(() => {
          console.error('Transaction aborted. Error:', error);
          throw error;
        });
      })
      .finally(() => session.endSession());
  });
};
