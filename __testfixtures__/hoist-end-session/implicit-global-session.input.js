const { MongoClient } = require('mongodb');
const Votes = require('../db/votes');

let client;

async function connect(url) {
  client = await MongoClient.connect(url);
}

const transactions = {
  begin: async () => {
    const session = client.startSession();
    session.startTransaction();
    return session;
  },
};

module.exports = {
  connect,
  castVote: async (message) => {
    try {
      txsession = await transactions.begin();
      await Votes.cast(message.pollId, message.userId, txsession);
      await txsession.commitTransaction();
      return { status: 'voted' };
    } catch (err) {
      if (txsession.inTransaction()) await txsession.abortTransaction();
      return { status: 'failed' };
    }
  },
};
