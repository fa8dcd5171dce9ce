const getClient = require('./mongo').getClient;

module.exports = {
  begin: async () => {
    console.log('begin transaction');
    const session = await getClient().startSession();
    session.startTransaction();
    return session;
  },
  finish: async (session) => {
    await session.commitTransaction();
    session.endSession();
  },
  rollback: async (session) => {
    if (!session || session.inTransaction() === false) {
      return;
    }
    await session.abortTransaction();
    session.endSession();
  },
};
