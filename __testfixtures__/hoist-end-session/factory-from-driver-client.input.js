const mongoose = require('mongoose');
const Ballot = require('../models/ballot');
const Poll = require('../models/poll');

const mongoClient = () => mongoose.connection.getClient();

async function start() {
  console.log('startSession...');
  const session = mongoClient().startSession();
  session.startTransaction();
  return session;
}

async function commit(session) {
  await session.commitTransaction();
  session.endSession();
}

async function abort(session) {
  if (!session || session.inTransaction() === false) {
    return;
  }
  await session.abortTransaction();
  session.endSession();
}

async function castBallot(pollId, voter, choice) {
  let dbsession = null;
  try {
    dbsession = await start();
    const poll = await Poll.findOne({ _id: pollId, open: true }).session(dbsession);
    if (!poll) throw new Error('poll is closed');
    await Ballot.create([{ poll: pollId, voter, choice }], { session: dbsession });
    await Poll.updateOne({ _id: pollId }, { $inc: { ballots: 1 } }, { session: dbsession });
    await commit(dbsession);
    return { status: 'cast' };
  } catch (err) {
    console.log(err.message);
    await abort(dbsession);
    return { status: 'failed' };
  }
}

module.exports = { castBallot };
