import { NextFunction, Request, Response } from 'express';
import { ClientSession } from 'mongoose';
import * as walletService from '../services/wallet.service';

export async function transfer(req: Request, res: Response, next: NextFunction): Promise<void> {
  try {
    const session: ClientSession = res.locals.session;
    await walletService.transfer(req.body as walletService.TransferInput, session);
    res.status(201).json({ ok: true });
  } catch (error) {
    next(error);
  }
}

export async function topUp(req: Request, res: Response): Promise<void> {
  const updated = await walletService.topUp(req.body.owners, Number(req.body.amount), res.locals.session);
  res.json({ updated });
}
