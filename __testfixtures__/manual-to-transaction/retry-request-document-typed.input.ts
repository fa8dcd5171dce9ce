import mongoose, { HydratedDocument } from 'mongoose';
import type { Request, Response } from 'express';

interface Account {
  owner: string;
  credits: number;
}

interface Purchase {
  owner: string;
  item: string;
  cost: number;
}

const PurchaseModel = mongoose.model<Purchase>('Purchase');

// `account` is the request's document under another name: `-=` on it takes the cost off the
// object the first run already charged, so a second run would charge it twice.
export async function buyItem(req: Request, res: Response): Promise<void> {
  const session = await mongoose.startSession();
  session.startTransaction();
  try {
    const account = res.locals.account as HydratedDocument<Account>;
    const cost = Number(req.body.cost);
    account.credits -= cost;
    await account.save({ session });
    await PurchaseModel.create([{ owner: account.owner, item: req.body.item, cost }], { session });
    await session.commitTransaction();
  } catch (error) {
    await session.abortTransaction();
    throw error;
  } finally {
    await session.endSession();
  }
  res.status(201).json({ ok: true });
}
