import { DataSource } from 'typeorm';
import { Pool, PoolClient } from 'pg';

declare const dataSource: DataSource;
declare const pool: Pool;

// TypeORM's query runner and node-postgres: begin/commit chains that are not Mongoose.
export function renameTypeorm(id: number, name: string) {
  const runner = dataSource.createQueryRunner();
  return runner
    .connect()
    .then(() => runner.startTransaction())
    .then(() => runner.query('UPDATE users SET name = $1 WHERE id = $2', [name, id]))
    .then(() => runner.commitTransaction())
    .catch((err) => runner.rollbackTransaction().then(() => Promise.reject(err)))
    .finally(() => runner.release());
}

export function renamePg(id: number, name: string) {
  return pool.connect().then((client: PoolClient) =>
    client
      .query('BEGIN')
      .then(() => client.query('UPDATE users SET name = $1 WHERE id = $2', [name, id]))
      .then(() => client.query('COMMIT'))
      .finally(() => client.release()),
  );
}
