import { NextFunction, Request, Response } from 'express';
import mongoose from 'mongoose';

// Each write request gets a session in res.locals; the services decide when it is done.
export async function unitOfWork(req: Request, res: Response, next: NextFunction): Promise<void> {
  const session = await mongoose.startSession();
  session.startTransaction();
  res.locals.session = session;
  next();
}
