import mongoose from 'mongoose';
import Role from '../models/role.js';
import handleError from '../utils/handleError.js';

export const updateRole = async (req, res) => {
  let session;
  try {
    session = await mongoose.startSession();
    session.startTransaction();

    if (!req.body.name) {
      return handleError(res, null, session, 400, 'A role needs a name');
    }

    const role = await Role.findByIdAndUpdate(req.params.id, { name: req.body.name }, { new: true, session });
    await session.commitTransaction();
    res.json(role);
  } catch (error) {
    handleError(res, error, session, 500, 'Could not update the role');
  } finally {
    if (session) {
      session.endSession();
    }
  }
};
