import { NextFunction, Request, Response } from 'express';
import mongoose from 'mongoose';

// One unit of work per request: the handlers find the session in res.locals.
export async function unitOfWork(req: Request, res: Response, next: NextFunction): Promise<void> {
  const session = await mongoose.startSession();
  session.startTransaction();
  res.locals.session = session;
  try {
    await next();
    await session.commitTransaction();
  } catch (error) {
    if (session.inTransaction()) await session.abortTransaction();
    next(error);
  } finally {
    await session.endSession();
  }
}
