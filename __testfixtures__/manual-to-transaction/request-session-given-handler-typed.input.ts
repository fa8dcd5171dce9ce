import { Request, Response } from 'express';
import mongoose, { ClientSession } from 'mongoose';
import { ApiError } from '../services/api-error';

declare global {
  namespace Express {
    interface Request {
      dbSession?: ClientSession;
    }
  }
}

type Handler = (req: Request, res: Response) => Promise<void>;

// Wraps a route handler in a transaction: the handler finds the session on the request and is
// awaited before the commit, so the session does not outlive the wrapper. What keeps it
// hand-managed is the handler itself: a function given to this code, which answers the request.
export const withTransaction = (handler: Handler) => async (req: Request, res: Response): Promise<void> => {
  const session = await mongoose.startSession();
  session.startTransaction();
  try {
    req.dbSession = session;
    await handler(req, res);
    await session.commitTransaction();
  } catch (error) {
    await session.abortTransaction();
    console.error(error);
    if (error instanceof ApiError) res.status(error.status).json(error);
    else res.status(400).json({ msg: 'Transaction failed.' });
  } finally {
    await session.endSession();
  }
};

// A middleware: the session goes on with the request to the route handlers after next().
export async function attachTransaction(req: Request, res: Response, next: () => void): Promise<void> {
  const session = await mongoose.startSession();
  session.startTransaction();
  req.dbSession = session;
  next();
}
