import { describe, it, expect, vi, beforeEach } from 'vitest'

vi.mock('@/lib/env.server', () => ({
  env: { MONGODB_URI: 'mongodb://localhost:27017/test' },
}))

// Mock session (defined outside vi.mock so the tests can reference it)
const mockSession = {
  withTransaction: vi.fn().mockImplementation(async (fn) => {
    await fn()
  }),
  endSession: vi.fn(),
}

const mockConnection = { readyState: 0 }

vi.mock('mongoose', () => {
  return {
    default: {
      connect: vi.fn().mockResolvedValue(undefined),
      startSession: vi.fn().mockResolvedValue(mockSession),
      connection: mockConnection,
    },
  }
})

describe('db.server', () => {
  beforeEach(() => {
    vi.clearAllMocks()
    vi.resetModules()
  })

  it('runs the callback in a transaction and ends the session', async () => {
    const mongoose = (await import('mongoose')).default
    const { withTransaction } = await import('@/lib/db.server')

    const callback = vi.fn().mockResolvedValue('test-result')
    const result = await withTransaction(callback)

    expect(mongoose.startSession).toHaveBeenCalledTimes(1)
    expect(mockSession.withTransaction).toHaveBeenCalledTimes(1)
    expect(callback).toHaveBeenCalledWith(mockSession)
    expect(result).toBe('test-result')
    expect(mockSession.endSession).toHaveBeenCalledTimes(1)
  })

  it('ends the session even if the callback throws', async () => {
    const { withTransaction } = await import('@/lib/db.server')
    const callback = vi.fn().mockRejectedValue(new Error('transaction failed'))

    await expect(withTransaction(callback)).rejects.toThrow('transaction failed')
    expect(mockSession.endSession).toHaveBeenCalledTimes(1)
  })
})
