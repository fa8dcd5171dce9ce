const { commitAndClose, rollbackAndClose } = require('./transactions');

async function runMigration(connection, steps) {
  const session = await connection.startSession();
  session.startTransaction();
  try {
    for (const step of steps) await step(connection, session);
    await commitAndClose(session);
  } catch (err) {
    await rollbackAndClose(session);
    throw err;
  }
}

module.exports = { runMigration };
