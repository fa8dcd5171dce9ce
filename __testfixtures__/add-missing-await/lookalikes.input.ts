import { Knex } from 'knex';
import { Model, ModelStatic, Sequelize } from 'sequelize';

declare const sequelize: Sequelize;
declare const knex: Knex;
declare const Account: ModelStatic<Model>;

// Sequelize and Knex transactions in TypeScript: their operations are not Mongoose operations.
export async function moveSequelize(from: number, to: number) {
  await sequelize.transaction(async (transaction) => {
    Account.decrement('balance', { where: { id: from }, transaction });
    Account.increment('balance', { where: { id: to }, transaction });
  });
}

export async function moveKnex(from: number) {
  await knex.transaction(async (trx) => {
    trx('accounts').where({ id: from }).decrement('balance', 1);
  });
}
