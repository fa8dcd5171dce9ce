import mongoose from 'mongoose';
import type { NextFunction, Request, Response } from 'express';

interface Withdrawal {
  owner: string;
  amount: number;
  status: string;
}

const WithdrawalModel = mongoose.model<Withdrawal>('Withdrawal');

// TypeScript compiles `session?.endSession()` for its own target, so even on Mongoose 5 (which
// runs on Node 12 and older) a session that may be unset is ended with `?.`.
export const cancelWithdrawal = async (req: Request, res: Response, next: NextFunction) => {
  let session: mongoose.ClientSession | undefined;
  try {
    session = await mongoose.startSession();
    session.startTransaction();
    await WithdrawalModel.updateOne({ _id: req.params.id }, { status: 'cancelled' }, { session });
    await session.commitTransaction();
    return res.sendStatus(204);
  } catch (error) {
    if (session?.inTransaction()) await session.abortTransaction();
    return next(error);
  } finally {
    await session?.endSession();
  }
};
