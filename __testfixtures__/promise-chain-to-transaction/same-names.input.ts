import { Connection, Model } from 'mongoose';

interface Account {
  owner: string;
  balance: number;
}

// Each step names its document `account` and its amount `next`: the names are reused.
export function payInterest(connection: Connection, accounts: Model<Account>, owner: string, rate: number): Promise<void> {
  let session: Awaited<ReturnType<Connection['startSession']>>;
  return connection
    .startSession()
    .then((s) => {
      session = s;
      session.startTransaction();
      return accounts.findOne({ owner }).session(session);
    })
    .then((account) => {
      const next = account!.balance * (1 + rate);
      return accounts.findOneAndUpdate({ owner }, { balance: next }, { session, new: true });
    })
    .then((account) => {
      const next = Math.round(account!.balance);
      return accounts.updateOne({ owner }, { balance: next }, { session });
    })
    .then(() => session.commitTransaction())
    .then(() => session.endSession());
}
