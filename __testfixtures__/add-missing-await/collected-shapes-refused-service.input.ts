import { Injectable } from '@nestjs/common';
import { InjectConnection, InjectModel } from '@nestjs/mongoose';
import { ClientSession, Connection, Model } from 'mongoose';

interface Ledger {
  account: string;
  amount: number;
}

@Injectable()
export class LedgerService {
  constructor(
    @InjectConnection() private readonly connection: Connection,
    @InjectModel('Ledger') private readonly ledger: Model<Ledger>,
  ) {}

  // The map is typed by its promises on its name: that type would no longer fit.
  async postAll(entries: Ledger[]): Promise<void> {
    await this.connection.transaction(async (session: ClientSession) => {
      const posts: Map<string, Promise<unknown>> = new Map();
      for (const entry of entries) posts.set(entry.account, this.ledger.create([entry], { session }));
      await Promise.all(posts.values());
    });
  }

  // Guarded by more than the array's length.
  async postSome(entries: Ledger[], dryRun: boolean): Promise<void> {
    await this.connection.transaction(async (session: ClientSession) => {
      const posts: Promise<unknown>[] = [];
      for (const entry of entries) posts.push(this.ledger.create([entry], { session }));
      if (posts.length && !dryRun) await Promise.all(posts);
    });
  }

  // Reads with no session: nothing to change.
  async totals(accounts: string[]): Promise<number[]> {
    const sums: Promise<Ledger[]>[] = [];
    accounts.forEach((account) => sums.push(this.ledger.find({ account }).lean()));
    const found = await Promise.all(sums);
    return found.map((rows) => rows.reduce((sum, row) => sum + row.amount, 0));
  }
}
