const knex = require('knex')({ client: 'pg' });
const { Sequelize } = require('sequelize');
const session = require('express-session');

const sequelize = new Sequelize(process.env.DATABASE_URL);

// Knex and Sequelize transactions, and express-session: none is Mongoose.
async function transfer(from, to, amount) {
  const trx = await knex.transaction();
  try {
    await trx('accounts').where({ id: from }).decrement('balance', amount);
    await trx('accounts').where({ id: to }).increment('balance', amount);
    await trx.commit();
  } catch (err) {
    await trx.rollback();
    throw err;
  }
}

async function rename(id, name) {
  const t = await sequelize.transaction();
  try {
    await sequelize.models.User.update({ name }, { where: { id }, transaction: t });
    await t.commit();
  } catch (err) {
    await t.rollback();
    throw err;
  }
}

function logout(req, res) {
  req.session.destroy(() => res.redirect('/'));
}

module.exports = { transfer, rename, logout, session };
