import { Sequelize, Transaction } from 'sequelize';

const sequelize = new Sequelize(process.env.DATABASE_URL ?? 'sqlite::memory:');

// Sequelize's managed transaction: the callback gets a Sequelize transaction, not a Mongoose session.
export async function runInTransaction<T>(fn: (t: Transaction) => Promise<T>): Promise<T> {
  const t = await sequelize.transaction();
  try {
    const result = await fn(t);
    await t.commit();
    return result;
  } catch (error) {
    await t.rollback();
    throw error;
  }
}

export async function renameUser(id: number, name: string): Promise<void> {
  await runInTransaction(async (t) => {
    await sequelize.query('UPDATE users SET name = ? WHERE id = ?', { replacements: [name, id], transaction: t });
  });
}
