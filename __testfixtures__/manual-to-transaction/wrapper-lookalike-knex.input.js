const knex = require('knex')({ client: 'pg', connection: process.env.DATABASE_URL });

// Knex's transaction(): the callback gets a Knex transaction, not a Mongoose session.
async function withTransaction(work) {
  const trx = await knex.transaction();
  try {
    const result = await work(trx);
    await trx.commit();
    return result;
  } catch (err) {
    await trx.rollback();
    throw err;
  }
}

async function transfer(from, to, amount) {
  return withTransaction(async (trx) => {
    await trx('accounts').where({ id: from }).decrement('balance', amount);
    await trx('accounts').where({ id: to }).increment('balance', amount);
    await fetch('https://audit.example.com/transfers', { method: 'POST', body: JSON.stringify({ from, to, amount }) });
  });
}

module.exports = { transfer };
