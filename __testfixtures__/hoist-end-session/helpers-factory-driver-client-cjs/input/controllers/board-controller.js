const boards = require('../db/boards');
const tx = require('../db/tx');
const sqlTx = require('../db/sql-tx');
const errors = require('../helpers/errors');

module.exports = {
  rename: async (message) => {
    if (!message.data || !message.data.title) {
      return { status: 'invalid' };
    }
    let txsession = null;
    try {
      // Start transaction
      txsession = await tx.begin();
      await boards.rename(message.data.boardId, message.data.title, txsession);
      await tx.finish(txsession);
      return { status: 'renamed' };
    } catch (err) {
      await tx.rollback(txsession);
      errors.wrap(err);
    }
  },

  addMember: async (message) => {
    let txsession = null;
    try {
      txsession = await tx.begin();
      await boards.addMember(message.data.boardId, message.data.userId, txsession);
      await tx.finish(txsession);
      return { status: 'added' };
    } catch (err) {
      console.log(err);
      await tx.rollback(txsession);
      return { status: 'failed' };
    }
  },

  archive: async (message) => {
    let sqlsession = null;
    try {
      sqlsession = await sqlTx.begin();
      await new Promise((resolve, reject) => sqlsession.query('UPDATE boards SET archived = 1 WHERE id = ?', [message.data.boardId], (err) => (err ? reject(err) : resolve())));
      await sqlTx.finish(sqlsession);
      return { status: 'archived' };
    } catch (err) {
      sqlsession.rollback(() => sqlsession.release());
      return { status: 'failed' };
    }
  },
};
