const express = require('express');
const session = require('express-session');
const knex = require('knex')({ client: 'pg' });
const { Sequelize } = require('sequelize');

const sequelize = new Sequelize('postgres://localhost/db');
const app = express();
app.use(session({ secret: 'x', resave: false, saveUninitialized: false }));

// express-session: req.session is not a MongoDB session.
app.post('/logout', (req, res) => {
  req.session.destroy(() => res.redirect('/'));
});

// Knex and Sequelize transactions end themselves through commit()/rollback().
async function moveKnex(from, to) {
  const trx = await knex.transaction();
  try {
    await trx('accounts').where({ id: from }).decrement('balance', 1);
    await trx('accounts').where({ id: to }).increment('balance', 1);
    await trx.commit();
  } catch (err) {
    await trx.rollback();
    throw err;
  }
}

async function moveSequelize(Account, from, to) {
  const t = await sequelize.transaction();
  try {
    await Account.decrement('balance', { where: { id: from }, transaction: t });
    await t.commit();
  } catch (err) {
    await t.rollback();
  }
}

// A WebRTC-style peer whose endSession() has nothing to do with MongoDB.
function hangUp(peer) {
  peer.endSession();
}

module.exports = { app, moveKnex, moveSequelize, hangUp };
