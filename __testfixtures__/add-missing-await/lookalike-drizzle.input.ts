// drizzle-orm over better-sqlite3, imported by subpath only: its transaction() is synchronous.
import Database from 'better-sqlite3';
import { eq, sql } from 'drizzle-orm/sql';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { accounts } from './schema';

const db = drizzle(new Database('bank.db'));

export async function transfer(from: number, to: number, amount: number) {
  db.transaction((tx) => {
    tx.update(accounts).set({ balance: sql`${accounts.balance} - ${amount}` }).where(eq(accounts.id, from)).run();
    tx.update(accounts).set({ balance: sql`${accounts.balance} + ${amount}` }).where(eq(accounts.id, to)).run();
  });
}
