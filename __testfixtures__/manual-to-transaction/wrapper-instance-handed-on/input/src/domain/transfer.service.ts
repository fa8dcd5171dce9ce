import type { RunInTransaction } from '../data/run-in-transaction';

export class TransferService {
  constructor(private readonly transactions: RunInTransaction) {}

  async transfer(from: string, to: string, amount: number): Promise<void> {
    await this.transactions.execute(async () => {
      await fetch(`https://ledger.example.com/transfers?from=${from}&to=${to}&amount=${amount}`, { method: 'POST' });
    });
  }
}
