import { NextFunction, Request, Response } from 'express';
import { ClientSession } from 'mongoose';

// Registered last: a route that failed after the unit of work began is rolled back here.
export async function rollbackOnError(error: Error, req: Request, res: Response, next: NextFunction): Promise<void> {
  const session: ClientSession | undefined = res.locals.session;
  if (session?.inTransaction()) {
    await session.abortTransaction();
  }
  next(error);
}

// Already checks that the transaction is still open: nothing to add.
export async function rollbackIfOpen(error: Error, req: Request, res: Response, next: NextFunction): Promise<void> {
  if (res.locals.session?.inTransaction()) {
    await res.locals.session.abortTransaction();
  }
  next(error);
}
