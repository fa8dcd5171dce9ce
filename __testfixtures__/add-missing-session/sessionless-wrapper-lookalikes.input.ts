import type { Knex } from 'knex';
import { Sequelize, Transaction } from 'sequelize';

// Knex and Sequelize wrappers: their transactions are not Mongoose's, and take no session.
export async function inSqlTransaction(knex: Knex, work: () => Promise<void>): Promise<void> {
  const trx = await knex.transaction();
  try {
    await work();
    await trx.commit();
  } catch (err) {
    await trx.rollback();
    throw err;
  }
}

export function inSequelizeTransaction(sequelize: Sequelize, work: () => Promise<void>): Promise<void> {
  return sequelize.transaction(async (t: Transaction) => {
    await work();
  });
}

export async function archive(knex: Knex, sequelize: Sequelize, id: number): Promise<void> {
  await inSqlTransaction(knex, async () => {
    await knex('orders').where({ id }).update({ archived: true });
  });
  await inSequelizeTransaction(sequelize, async () => {
    await sequelize.query('UPDATE orders SET archived = true WHERE id = ?', { replacements: [id] });
  });
}
