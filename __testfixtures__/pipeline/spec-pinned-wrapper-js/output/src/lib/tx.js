import mongoose from 'mongoose'

/** Runs `work` in a transaction on a session the caller owns (and ends). */
export async function runInSession(session, work) {
  session.startTransaction()
  try {
    const result = await work(session)
    await session.commitTransaction()
    return result
  } catch (error) {
    await session.abortTransaction()
    throw error
  }
}

/** Runs `work` in a transaction on a session of its own. */
export async function inNewSession(work) {
  const session = await mongoose.startSession()
  try {
    return await runInSession(session, work)
  } finally {
    await session.endSession()
  }
}
