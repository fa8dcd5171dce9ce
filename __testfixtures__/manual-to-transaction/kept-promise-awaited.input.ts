import { Response } from 'express';
import mongoose from 'mongoose';
import Visit from '../../models/visit.model';
import { AuthedRequest } from '../../types/auth';

const cancelVisit = async (req: AuthedRequest, res: Response) => {
  const session = mongoose.startSession();
  (await session).startTransaction();
  try {
    const visit = await Visit.findById(req.params.id).session(await session);
    if (!visit) {
      res.status(404).json({ message: 'Visit not found' });
      return;
    }
    await Visit.deleteOne({ _id: visit._id }, { session: await session });
    await (await session).commitTransaction();
    res.status(200).json({ message: 'Visit cancelled' });
  } catch (error) {
    await (await session).abortTransaction();
    res.status(500).json({ message: (error as Error).message });
  } finally {
    await (await session).endSession();
  }
};

export default cancelVisit;
