const mongoose = require('mongoose');
const ApiError = require('../services/ApiError');
const audit = require('../services/audit');

// Wraps a route handler in a transaction: the handler finds the session on the request and is
// awaited before the commit, so the session does not outlive the wrapper. What keeps it
// hand-managed is the handler itself: a function given to this code, which answers the request.
function withTransaction(handler) {
  return async function (req, res) {
    const session = await mongoose.startSession();
    session.startTransaction();
    try {
      req.dbSession = session;
      await handler(req, res);
      await session.commitTransaction();
    } catch (error) {
      await session.abortTransaction();
      console.error(error);
      error instanceof ApiError ? res.status(error.status).json(error) : res.status(400).json({ msg: 'Transaction failed.' });
    } finally {
      session.endSession();
    }
  };
}

// The handler is not waited for: it goes on using the session after the commit and the finally.
function withTransactionUnawaited(handler) {
  return async (req, res) => {
    const session = await mongoose.startSession();
    session.startTransaction();
    try {
      req.dbSession = session;
      handler(req, res);
      await session.commitTransaction();
    } catch (error) {
      await session.abortTransaction();
      res.status(400).json({ msg: 'Transaction failed.' });
    } finally {
      session.endSession();
    }
  };
}

// The session is read back from the request and handed to an audit nobody waits for.
function withAuditedTransaction(handler) {
  return async (req, res) => {
    const session = await mongoose.startSession();
    session.startTransaction();
    try {
      req.dbSession = session;
      await handler(req, res);
      audit.record(req.dbSession, req.path);
      await session.commitTransaction();
    } catch (error) {
      await session.abortTransaction();
      res.status(400).json({ msg: 'Transaction failed.' });
    } finally {
      session.endSession();
    }
  };
}

module.exports = { withTransaction, withTransactionUnawaited, withAuditedTransaction };
