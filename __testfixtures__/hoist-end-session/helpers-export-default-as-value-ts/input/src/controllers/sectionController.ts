import mongoose, { type ClientSession } from 'mongoose';
import type { Request, Response } from 'express';
import Section from '../models/section';
import { handleError } from '../utils/handleError';

export const createSection = async (req: Request, res: Response) => {
  let session: ClientSession | undefined;
  try {
    session = await mongoose.startSession();
    session.startTransaction();
    const [section] = await Section.create([{ name: req.body.name }], { session });
    await session.commitTransaction();
    res.status(201).json(section);
  } catch (error) {
    await handleError(res, error, session, 500, 'Could not create the section');
  } finally {
    if (session) {
      await session.endSession();
    }
  }
};

export const deleteSection = async (req: Request, res: Response) => {
  let session: ClientSession | undefined;
  try {
    session = await mongoose.startSession();
    session.startTransaction();
    await Section.deleteOne({ _id: req.params.id }, { session });
    await session.commitTransaction();
    res.status(204).end();
  } catch (error) {
    await handleError(res, error, session, 500, 'Could not delete the section');
  } finally {
    if (session) {
      await session.endSession();
    }
  }
};

export const listSections = async (req: Request, res: Response) => {
  try {
    res.json(await Section.find());
  } catch (error) {
    await handleError(res, error);
  }
};
