import { Injectable } from '@nestjs/common';
import { InjectConnection, InjectModel } from '@nestjs/mongoose';
import { ClientSession, Connection, Model } from 'mongoose';

interface Ledger {
  account: string;
  amount: number;
}

interface Account {
  _id: string;
  balance: number;
}

@Injectable()
export class LedgerService {
  constructor(
    @InjectConnection() private readonly connection: Connection,
    @InjectModel('Ledger') private readonly ledger: Model<Ledger>,
    @InjectModel('Account') private readonly accounts: Model<Account>,
  ) {}

  private async post(entry: Ledger, session: ClientSession): Promise<number> {
    await this.ledger.create([entry], { session });
    const account = await this.accounts.findOneAndUpdate({ _id: entry.account }, { $inc: { balance: entry.amount } }, { session, new: true });
    return account?.balance ?? 0;
  }

  // Balances after each entry, in the order of the entries.
  async postAll(entries: Ledger[]): Promise<number[]> {
    return this.connection.transaction(async (session) => {
      const posts: number[] = [];
      for (const entry of entries) {
        posts.push(await this.post(entry, session));
      }
      return posts;
    });
  }

  // Balances by account, read back by key.
  async settle(entries: Ledger[]): Promise<Record<string, number>> {
    let balances: number[] = [];
    const accounts: string[] = [];
    await this.connection.transaction(async (session) => {
      const byAccount = new Map<string, number>();
      for (const entry of entries) byAccount.set(entry.account, await this.post(entry, session));
      accounts.push(...byAccount.keys());
      balances = Array.from(byAccount.values());
    });
    return Object.fromEntries(accounts.map((account, i) => [account, balances[i]!]));
  }

  // The reversed entries' balances, kept in a variable declared before the transaction.
  async reverseAll(entries: Ledger[]): Promise<number> {
    let balances: number[] = [];
    await this.connection.transaction(async (session) => {
      const nextBalances = [];
      for (const entry of entries) {
        const balance = await this.post({ account: entry.account, amount: -entry.amount }, session);
        nextBalances.push(balance);
      }
      balances = nextBalances;
    });
    return balances.reduce((sum, balance) => sum + balance, 0);
  }
}
