const Competition = require('../../models/competition');
const removeProducts = require('../product/remove');
const updateUsers = require('../user/update');

// Layered resource controller: joins the parent's transaction, or runs its own.
const remove = async (filter, actor, parent_session) => {
  const session = parent_session ?? await Competition.startSession();
  try {
    if (!session.inTransaction()) session.startTransaction();

    const competitions = await Competition.find(filter).session(session);
    const ids = competitions.map((c) => c._id.toString());

    const dependents = [];
    dependents.push(removeProducts({ competition_id: { $in: ids } }, actor, session));
    dependents.push(updateUsers({ query: { table_leader: { $in: ids } } }, actor, session));
    const results = await Promise.all(dependents);
    const failed = results.find((result) => result.code >= 400);
    if (failed) {
      if (!parent_session) {
        if (session.inTransaction()) await session.abortTransaction();
      }
      return failed;
    }

    await Competition.deleteMany({ _id: { $in: ids } }, { session });
    if (!parent_session) {
      if (session.inTransaction()) await session.commitTransaction();
    }
    return { code: 200 };
  } finally {
    if (!parent_session) await session.endSession();
  }
};

module.exports = remove;
