import { Request, Response } from 'express';
import { ClientSession } from 'mongoose';
import { Ledger, Wallet } from '../models/wallet';

// The transaction middleware put the session on res.locals; this handler writes with it and
// ends it, as the routes of that project do.
export async function settle(req: Request, res: Response): Promise<void> {
  const session: ClientSession = res.locals.session;
  const { from, to, amount } = req.body as { from: string; to: string; amount: number };
  const [debit, credit] = await Promise.all([
    Wallet.findOneAndUpdate({ _id: from }, { $inc: { balance: -amount } }, { session, new: true }),
    Wallet.findOneAndUpdate({ _id: to }, { $inc: { balance: amount } }, { session, new: true }),
  ]);
  await Ledger.create([{ from, to, amount }], { session });
  await session.endSession();
  res.json({ from: debit?.balance, to: credit?.balance });
}

// The middleware commits after the route; this handler only writes with the session.
export async function topUp(req: Request, res: Response): Promise<void> {
  const { wallets, amount } = req.body as { wallets: string[]; amount: number };
  await Promise.all(wallets.map((id) => Wallet.updateOne({ _id: id }, { $inc: { balance: amount } }, { session: res.locals.session })));
  res.status(204).end();
}

// Reads without the session: nothing to change.
export async function balances(req: Request, res: Response): Promise<void> {
  const session: ClientSession = res.locals.session;
  const [from, to] = await Promise.all([Wallet.findById(req.query.from), Wallet.findById(req.query.to)]);
  await session.endSession();
  res.json({ from: from?.balance, to: to?.balance });
}
