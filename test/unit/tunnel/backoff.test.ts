import { describe, expect, it } from 'vitest'
import { backoffDelay } from '../../../src/main/tunnel/backoff'

const options = { baseMs: 1000, maxMs: 60_000 }

describe('tunnel reconnect backoff', () => {
  it('doubles the delay on each attempt, between half and all of the step', () => {
    for (let attempt = 0; attempt < 6; attempt++) {
      const step = 1000 * 2 ** attempt
      expect(backoffDelay(attempt, options, () => 0)).toBe(step / 2)
      expect(backoffDelay(attempt, options, () => 0.999_999)).toBe(step)
    }
  })

  it('never waits longer than the maximum, even after many attempts', () => {
    expect(backoffDelay(6, options, () => 0.999_999)).toBe(60_000)
    expect(backoffDelay(1000, options, () => 0.999_999)).toBe(60_000)
    expect(backoffDelay(1000, options, () => 0)).toBe(30_000)
  })

  it('spreads retries of many clients instead of synchronising them', () => {
    const delays = new Set(Array.from({ length: 50 }, () => backoffDelay(3, options)))
    expect(delays.size).toBeGreaterThan(40)
    for (const delay of delays) {
      expect(delay).toBeGreaterThanOrEqual(4000)
      expect(delay).toBeLessThanOrEqual(8000)
    }
  })

  it('treats a negative or fractional attempt as the first', () => {
    expect(backoffDelay(-3, options, () => 0)).toBe(500)
    expect(backoffDelay(0.7, options, () => 0)).toBe(500)
  })
})
