const mongoose = require('mongoose')

// A home-made wrapper that returns null for "failed": the catch swallows the error. Guarded
// alone, a failed commit (which leaves the session "committed") would skip the abort and the
// wrapper would return the work's result as if it had committed.
const withTransaction = async (fn) => {
  const session = await mongoose.startSession()
  let result = null
  try {
    session.startTransaction()
    result = await fn(session)
    await session.commitTransaction()
  } catch (_) {
    await session.abortTransaction()
  } finally {
    await session.endSession()
  }
  return result
}

// The catch reports the error to Express: the guard alone lets a failed commit reach next().
const transactional = (handler) => async (req, res, next) => {
  const session = await mongoose.startSession()
  try {
    session.startTransaction()
    await handler(req, res, session)
    await session.commitTransaction()
  } catch (err) {
    await session.abortTransaction()
    next(err)
  } finally {
    await session.endSession()
  }
}

// The catch returns the wrapper's own failure value: the guard alone returns it for a failed commit too.
const tryTransaction = async (fn) => {
  const session = await mongoose.startSession()
  try {
    session.startTransaction()
    await fn(session)
    await session.commitTransaction()
    return true
  } catch (_) {
    await session.abortTransaction()
    return false
  } finally {
    await session.endSession()
  }
}

module.exports = { withTransaction, transactional, tryTransaction }
