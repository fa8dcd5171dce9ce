import { describe, it, expect, vi } from 'vitest'
import { runInSession } from '../../lib/tx.js'

function fakeSession(commit) {
  return {
    startTransaction: vi.fn(),
    commitTransaction: commit,
    abortTransaction: vi.fn().mockResolvedValue(undefined),
    inTransaction: vi.fn().mockReturnValue(false),
  }
}

describe('runInSession', () => {
  it('commits what the work did', async () => {
    const session = fakeSession(vi.fn().mockResolvedValue(undefined))
    await expect(runInSession(session, async () => 42)).resolves.toBe(42)
    expect(session.commitTransaction).toHaveBeenCalledTimes(1)
  })

  it('aborts when the commit fails', async () => {
    const session = fakeSession(vi.fn().mockRejectedValue(new Error('write conflict')))
    await expect(runInSession(session, async () => 42)).rejects.toThrow('write conflict')
    expect(session.abortTransaction).toHaveBeenCalledTimes(1)
  })
})
