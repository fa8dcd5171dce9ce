const mongoose = require('mongoose');
const { Sequelize } = require('sequelize');
const Audit = require('../models/audit');

const sequelize = new Sequelize(process.env.SQL_URL);

// Named like a session factory, but hands out the id of a session it already ended.
async function openSession() {
  const session = await mongoose.startSession();
  await session.endSession();
  return session.id;
}

// A Sequelize transaction made by a factory: committed and rolled back by its own API.
async function startTransaction() {
  return sequelize.transaction();
}

// A game lobby's session: its endSession() tells the players, nothing to do with MongoDB.
function createSession(lobby) {
  return lobby.players.length > 1 ? lobby.newRound() : null;
}

async function finishRound(roundsession) {
  roundsession.endSession();
}

async function recordLogin(userId) {
  const lastsession = await openSession();
  await Audit.create({ userId, lastsession });
}

async function transfer(Account, from, to, amount) {
  const sqlsession = await startTransaction();
  try {
    await Account.decrement('balance', { by: amount, where: { id: from }, transaction: sqlsession });
    await Account.increment('balance', { by: amount, where: { id: to }, transaction: sqlsession });
    await sqlsession.commit();
  } catch (err) {
    await sqlsession.rollback();
    throw err;
  }
}

async function playRound(lobby) {
  const roundsession = createSession(lobby);
  if (!roundsession) return;
  await roundsession.play();
  await finishRound(roundsession);
}

module.exports = { recordLogin, transfer, playRound };
