import { Response } from "express";

export const handleTransactionError = async (session, res: Response, message: string, statusCode = 400) => {
  if (session.inTransaction()) await session.abortTransaction();
  await session.endSession();
  return res.status(statusCode).json({ message });
};
