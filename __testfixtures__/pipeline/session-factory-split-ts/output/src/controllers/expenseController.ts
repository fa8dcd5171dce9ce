import { Request, Response } from "express";
import { Group } from "../models/Group";
import { startTransaction } from "../utils/databaseHelper";
import { handleTransactionError } from "../utils/handleError";

export const addExpense = async (req: Request, res: Response) => {
  const { groupId, amount } = req.body;
  const session = await startTransaction();
  try {
    const group = await Group.findById(groupId).session(session);
    if (!group) throw new Error("Group not found");
    await Group.updateOne({ _id: groupId }, { $inc: { total: amount } }, { session });
    await session.commitTransaction();
    return res.json({ ok: true });
  } catch (error) {
    return handleTransactionError(session, res, "Failed to add expense", 500);
  } finally {
    await session.endSession();
  }
};

export const settleExpense = async (req: Request, res: Response) => {
  const { groupId, amount } = req.body;
  const session = await startTransaction();
  try {
    await Group.updateOne({ _id: groupId }, { $inc: { total: -amount } }, { session });
    await session.commitTransaction();
    return res.json({ ok: true });
  } catch (error) {
    await handleTransactionError(session, res, "Failed to settle expense");
    return res.status(500).json({ message: "Failed to settle expense" });
  } finally {
    await session.endSession();
  }
};
