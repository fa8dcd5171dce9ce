import { ClientSession, Model } from 'mongoose';

interface Ledger {
  account: string;
  total: number;
}

// Mongoose 7 in TypeScript: the carried value is declared before the call with the type its
// declaration states.
export async function post(ledgers: Model<Ledger>, account: string, amount: number): Promise<number> {
  const session: ClientSession = await ledgers.startSession();
  session.startTransaction();
  try {
    const total: number = (await ledgers.findOne({ account }).session(session))!.total + amount;
    await ledgers.updateOne({ account }, { total }, { session });
    await session.commitTransaction();
    return total;
  } catch (error) {
    await session.abortTransaction();
    throw error;
  } finally {
    await session.endSession();
  }
}
