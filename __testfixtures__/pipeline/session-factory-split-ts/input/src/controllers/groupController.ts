import { Request, Response } from "express";
import { Group } from "../models/Group";
import { startTransaction } from "../utils/databaseHelper";

export const removeMember = async (req: Request, res: Response): Promise<void> => {
  const { groupId, memberId } = req.body;
  const session = await startTransaction();
  try {
    const updated = await Group.findByIdAndUpdate(groupId, { $pull: { members: memberId } }, { new: true, session });
    if (!updated) {
      await session.abortTransaction();
      throw new Error("Failed to update group");
    }
    await session.commitTransaction();
    res.json({ group: updated });
  } catch (error) {
    res.status(500).json({ message: "Could not remove the member" });
  } finally {
    session?.endSession();
  }
};
