import type { Response } from 'express';
import type { ClientSession } from 'mongoose';

// One error handler for every controller: it aborts the session it is given, if any, and answers.
const handleError = async (res: Response, error: unknown, session: ClientSession | null = null, statusCode = 500, message = 'Server error') => {
  if (session) {
    try {
      if (session.inTransaction()) {
        await session.abortTransaction();
      }
    } catch (abortError) {
      console.error('Could not abort the transaction:', abortError);
    } finally {
      await session.endSession();
    }
  }
  return res.status(statusCode).json({ error: message });
};

export default handleError;
