const { commitAndClose, rollbackAndClose } = require('./session-utils');

async function postEntries(Entry, entries) {
  const session = await Entry.startSession();
  session.startTransaction();
  try {
    const created = await Entry.insertMany(entries, { session });
    await commitAndClose(session);
    return created.length;
  } catch (err) {
    await rollbackAndClose(session);
    throw err;
  } finally {
    await session.endSession();
  }
}

module.exports = { postEntries };
