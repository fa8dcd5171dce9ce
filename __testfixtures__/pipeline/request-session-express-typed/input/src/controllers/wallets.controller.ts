import { Request, Response } from 'express';
import { ClientSession } from 'mongoose';
import { Transfer, Wallet } from '../models/wallet';

interface TransferBody {
  from: string;
  to: string;
  amount: number;
}

export async function transfer(req: Request, res: Response): Promise<void> {
  const session: ClientSession = res.locals.session;
  const { from, to, amount } = req.body as TransferBody;
  await Promise.all([
    Wallet.updateOne({ _id: from }, { $inc: { balance: -amount } }, { session: res.locals.session }),
    Wallet.updateOne({ _id: to }, { $inc: { balance: amount } }, { session: res.locals.session }),
  ]);
  await Transfer.create([{ from, to, amount }], { session });
  await session.commitTransaction();
  await session.endSession();
  res.status(201).json({ from, to, amount });
}

export async function freeze(req: Request, res: Response): Promise<void> {
  const wallet = await Wallet.findById(req.params.id).session(res.locals.session);
  if (!wallet) {
    await res.locals.session.abortTransaction();
    res.status(404).json({ message: 'wallet not found' });
    return;
  }
  wallet.frozen = true;
  await wallet.save({ session: res.locals.session });
  res.json(wallet);
}

// Reads outside the unit of work take no session.
export async function balance(req: Request, res: Response): Promise<void> {
  const wallet = await Wallet.findById(req.params.id);
  res.json({ balance: wallet?.balance ?? 0 });
}
