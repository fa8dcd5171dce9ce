const Role = require('../models/role');

// Joins the caller's transaction when given its session; otherwise starts one of its own.
async function createRole(body, parent_session) {
  const session = parent_session ?? (await Role.startSession());
  if (!parent_session) session.startTransaction();
  const [role] = await Role.create([body], { session });
  if (!parent_session) {
    await session.commitTransaction();
    await session.endSession();
  }
  return role;
}

// Runs the transaction on a session its caller owns.
async function renameRole(session, from, to) {
  session.startTransaction();
  await Role.updateOne({ name: from }, { name: to }, { session });
  await session.commitTransaction();
}

module.exports = { createRole, renameRole };
