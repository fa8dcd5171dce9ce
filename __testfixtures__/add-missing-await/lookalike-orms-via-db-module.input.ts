import { db } from './db';
import { dataSource } from './data-source';

// Knex and TypeORM reached through the project's own modules: nothing here names Mongoose, and
// the callbacks' parameters are the other libraries' transaction objects.
export async function archive(userId: string): Promise<void> {
  db.transaction(async (trx: any) => {
    await trx('users').where({ id: userId }).update({ archived: true });
    await trx('sessions').where({ user_id: userId }).delete();
  });
  dataSource.transaction(async (manager: any) => {
    await manager.update('profile', { userId }, { archived: true });
  });
}
