import { Connection, Model } from 'mongoose';

interface Account {
  owner: string;
  balance: number;
}

// No try: every exit ends the session itself, the short one after an intentional abort; a throw
// left the transaction open. The value read after the commit is the callback's on Mongoose 8.
export async function withdraw(connection: Connection, accounts: Model<Account>, owner: string, amount: number): Promise<number | null> {
  let aborted = false;
  const result = await connection.transaction(async (session) => {
    const account = await accounts.findOne({ owner }).session(session);
    if (!account || account.balance < amount) {
      await session.abortTransaction();
      aborted = true;
      return;
    }
    account.balance -= amount;
    await account.save({ session });
    return account;
  });
  if (aborted) return null;
  const account = result!;
  return account.balance;
}
