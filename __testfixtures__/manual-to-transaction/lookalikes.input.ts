import { DataSource } from 'typeorm';
import neo4j from 'neo4j-driver';
import type { Request, Response } from 'express';

// TypeORM's query runner and Neo4j's sessions have transactions of their own; express-session's
// req.session is not a database session at all.
export async function moveFunds(dataSource: DataSource, from: number, to: number, amount: number): Promise<void> {
  const queryRunner = dataSource.createQueryRunner();
  await queryRunner.connect();
  await queryRunner.startTransaction();
  try {
    await queryRunner.manager.decrement('account', { id: from }, 'balance', amount);
    await queryRunner.manager.increment('account', { id: to }, 'balance', amount);
    await queryRunner.commitTransaction();
  } catch (error) {
    await queryRunner.rollbackTransaction();
    throw error;
  } finally {
    await queryRunner.release();
  }
}

export async function follow(uri: string, a: string, b: string): Promise<void> {
  const driver = neo4j.driver(uri);
  const session = driver.session();
  const tx = session.beginTransaction();
  try {
    await tx.run('MATCH (a {id: $a}), (b {id: $b}) CREATE (a)-[:FOLLOWS]->(b)', { a, b });
    await tx.commit();
  } finally {
    await session.close();
  }
}

export function logout(req: Request & { session: any }, res: Response): void {
  req.session.destroy(() => res.redirect('/'));
}
