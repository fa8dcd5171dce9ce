const knex = require('knex')({ client: 'pg' });
const { Sequelize } = require('sequelize');

const sequelize = new Sequelize('postgres://localhost/db');

// Knex and Sequelize transactions written as promise chains: not Mongoose.
function moveKnex(from, to) {
  return knex.transaction().then((trx) =>
    trx('accounts')
      .where({ id: from })
      .decrement('balance', 1)
      .then(() => trx('accounts').where({ id: to }).increment('balance', 1))
      .then(() => trx.commit())
      .catch((err) => trx.rollback().then(() => Promise.reject(err))),
  );
}

function moveSequelize(Account, from) {
  return sequelize.transaction().then((t) =>
    Account.decrement('balance', { where: { id: from }, transaction: t }).then(() => t.commit()),
  );
}

module.exports = { moveKnex, moveSequelize };
