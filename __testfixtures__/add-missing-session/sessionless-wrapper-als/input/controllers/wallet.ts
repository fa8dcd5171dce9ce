import type { Request, Response } from 'express';
import { Wallet } from '../models/wallet';
import { inTransaction, underManualTransaction } from '../utils/transaction';

export async function transfer(req: Request, res: Response): Promise<void> {
  const { from, to, amount } = req.body as { from: string; to: string; amount: number };
  await inTransaction(async () => {
    await Wallet.updateOne({ owner: from }, { $inc: { balance: -amount } });
    await Wallet.updateOne({ owner: to }, { $inc: { balance: amount } });
  });
  res.json({ ok: true });
}

export async function move(req: Request, res: Response): Promise<void> {
  const { from, to, amount } = req.body as { from: string; to: string; amount: number };
  await underManualTransaction(async () => {
    await Wallet.updateOne({ owner: from }, { $inc: { balance: -amount } });
    await Wallet.updateOne({ owner: to }, { $inc: { balance: amount } });
  });
  res.json({ ok: true });
}
