import mongoose from 'mongoose'
import { env } from '@/lib/env.server'

let isConnected = false

export async function connectToDatabase() {
  if (isConnected && mongoose.connection.readyState === 1) {
    return mongoose
  }
  await mongoose.connect(env.MONGODB_URI, { dbName: 'refill' })
  isConnected = true
  return mongoose
}

/**
 * Execute a callback within a MongoDB transaction.
 * If any operation within the callback throws, the entire transaction
 * is aborted and no writes persist. The session is always cleaned up.
 */
export async function withTransaction(fn) {
  const session = await mongoose.startSession()
  try {
    let result
    await session.withTransaction(async () => {
      result = await fn(session)
    })
    return result
  } finally {
    await session.endSession()
  }
}

export { mongoose }
