import { Connection, Model } from 'mongoose';

interface Account {
  owner: string;
  balance: number;
}

// Each step names its document `account` and its amount `next`: the names are reused.
export async function payInterest(connection: Connection, accounts: Model<Account>, owner: string, rate: number): Promise<void> {
  await connection.transaction(async (session) => {
    const account = await accounts.findOne({ owner }).session(session);
    const next = account!.balance * (1 + rate);
    const account2 = await accounts.findOneAndUpdate({ owner }, { balance: next }, { session, new: true });
    const next2 = Math.round(account2!.balance);
    await accounts.updateOne({ owner }, { balance: next2 }, { session });
  });
}
