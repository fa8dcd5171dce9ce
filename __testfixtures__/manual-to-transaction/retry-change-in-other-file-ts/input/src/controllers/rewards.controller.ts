import { NextFunction, Request, Response } from 'express';
import mongoose from 'mongoose';
import { redeem } from '../services/rewards.service';

// `res.locals.account` was loaded by the auth middleware before the transaction: a second run of
// the body would take the points off the same object again.
export async function redeemReward(req: Request, res: Response, next: NextFunction): Promise<void> {
  const account = res.locals.account;
  const session = await mongoose.startSession();
  session.startTransaction();
  try {
    await redeem(account, req.params.rewardId, session);
    await account.save({ session });
    await session.commitTransaction();
    res.status(201).json({ points: account.wallet.points });
  } catch (err) {
    await session.abortTransaction();
    next(err);
  } finally {
    await session.endSession();
  }
}
