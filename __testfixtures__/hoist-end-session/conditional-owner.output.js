const Role = require('../models/role');
const Member = require('../models/member');

// Service layer: a caller may pass its own session (then its transaction is used), otherwise
// the service starts one and must end only that one.
const createRole = async (body, parent_session) => {
  const session = parent_session ?? await Role.startSession();
  try {
    if (!session.inTransaction()) session.startTransaction();

    const roles = await Role.create([body], { session });
    if (roles.length === 0) {
      if (!parent_session) {
        if (session.inTransaction()) await session.abortTransaction();
      }
      return { code: 400 };
    }
    await Member.updateMany({ role: body.parent }, { $addToSet: { roles: roles[0]._id } }, { session });

    if (!parent_session) {
      if (session.inTransaction()) await session.commitTransaction();
    }
    return { code: 201, data: roles };
  } finally {
    if (!parent_session) await session.endSession();
  }
};

module.exports = { createRole };
