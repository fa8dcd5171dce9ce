import mongoose, { type ClientSession } from 'mongoose';
import type { Request, Response } from 'express';
import Section from '../models/section';
import handleError from '../utils/handleError';

export const updateSection = async (req: Request, res: Response) => {
  let session: ClientSession | undefined;
  try {
    session = await mongoose.startSession();
    session.startTransaction();

    if (!req.body.name) {
      return handleError(res, null, session, 400, 'A section needs a name');
    }

    const section = await Section.findByIdAndUpdate(req.params.id, { name: req.body.name }, { new: true, session });
    await session.commitTransaction();
    res.json(section);
  } catch (error) {
    handleError(res, error, session, 500, 'Could not update the section');
  } finally {
    if (session) {
      session.endSession();
    }
  }
};
