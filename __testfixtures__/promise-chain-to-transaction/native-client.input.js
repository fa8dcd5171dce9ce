const { MongoClient } = require('mongodb');

const client = new MongoClient(process.env.MONGODB_URI);

// The driver's own session: there is no Mongoose transaction() to move it to.
function move(from, to) {
  const session = client.startSession();
  session.startTransaction();
  const accounts = client.db('bank').collection('accounts');
  return accounts
    .updateOne({ _id: from }, { $inc: { balance: -1 } }, { session })
    .then(() => accounts.updateOne({ _id: to }, { $inc: { balance: 1 } }, { session }))
    .then(() => session.commitTransaction())
    .then(() => session.endSession());
}

function moveChained(from) {
  return Promise.resolve(client.startSession()).then((session) => {
    session.startTransaction();
    return client
      .db('bank')
      .collection('accounts')
      .updateOne({ _id: from }, { $inc: { balance: -1 } }, { session })
      .then(() => session.commitTransaction())
      .then(() => session.endSession());
  });
}

module.exports = { move, moveChained };
