import { Model } from 'mongoose';

interface Ledger {
  account: string;
  total: number;
}

// Mongoose 7 in TypeScript: the carried value is declared before the call with the type its
// declaration states.
export async function post(ledgers: Model<Ledger>, account: string, amount: number): Promise<number> {
  let total!: number;
  await ledgers.db.transaction(async (session) => {
    total = (await ledgers.findOne({ account }).session(session))!.total + amount;
    await ledgers.updateOne({ account }, { total }, { session });
  });
  return total;
}
