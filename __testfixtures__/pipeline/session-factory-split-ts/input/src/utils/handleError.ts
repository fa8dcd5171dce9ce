import { Response } from "express";

export const handleTransactionError = async (session, res: Response, message: string, statusCode = 400) => {
  await session.abortTransaction();
  session.endSession();
  return res.status(statusCode).json({ message });
};
