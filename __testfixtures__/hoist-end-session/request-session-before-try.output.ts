import type { NextFunction, Request, Response } from 'express';
import mongoose from 'mongoose';

// Handlers find the session in res.locals; the try right after ends it whatever happens.
export const transactional = async (req: Request, res: Response, next: NextFunction): Promise<void> => {
  const session = await mongoose.startSession();
  session.startTransaction();
  res.locals.dbSession = session;

  try {
    await next();
    await session.commitTransaction();
  } catch (error) {
    if (session.inTransaction()) await session.abortTransaction();
    throw error;
  } finally {
    await session.endSession();
  }
};
