import mongoose from 'mongoose';
import Role from '../models/role.js';
import handleError from '../utils/handleError.js';

export const createRole = async (req, res) => {
  let session;
  try {
    session = await mongoose.startSession();
    session.startTransaction();
    const [role] = await Role.create([{ name: req.body.name }], { session });
    await session.commitTransaction();
    res.status(201).json(role);
  } catch (error) {
    await handleError(res, error, session, 500, 'Could not create the role');
  } finally {
    if (session) {
      await session.endSession();
    }
  }
};

export const listRoles = async (req, res) => {
  try {
    res.json(await Role.find());
  } catch (error) {
    await handleError(res, error);
  }
};
