const { Sequelize } = require('sequelize');
const knex = require('knex')({ client: 'pg' });

const sequelize = new Sequelize('postgres://localhost/db');

// Sequelize and Knex transactions: their operations are not Mongoose operations.
async function moveSequelize(Account, from, to) {
  await sequelize.transaction(async (transaction) => {
    Account.decrement('balance', { where: { id: from }, transaction });
    Account.increment('balance', { where: { id: to }, transaction });
  });
}

async function moveKnex(from, to) {
  await knex.transaction(async (trx) => {
    trx('accounts').where({ id: from }).decrement('balance', 1);
    trx.commit();
  });
}

module.exports = { moveSequelize, moveKnex };
