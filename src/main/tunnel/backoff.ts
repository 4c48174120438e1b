// Reconnect delays: exponential backoff with jitter, so many installations that lost the same
// tunnel server do not all come back at the same instant.
export interface BackoffOptions {
  /** Delay of the first retry (before jitter). */
  baseMs: number
  /** Upper bound of any delay. */
  maxMs: number
}

export const defaultBackoff: BackoffOptions = { baseMs: 1000, maxMs: 60_000 }

/**
 * Delay before retry number `attempt` (0 for the first retry): "equal jitter", i.e. half of
 * the exponential step is fixed and half random, so a retry never comes back immediately but
 * retries still spread out. `random` returns a number in [0, 1).
 */
export function backoffDelay(
  attempt: number,
  options: BackoffOptions = defaultBackoff,
  random: () => number = Math.random,
): number {
  const exponent = Math.min(Math.max(0, Math.floor(attempt)), 30)
  const step = Math.min(options.maxMs, options.baseMs * 2 ** exponent)
  return Math.round(step / 2 + random() * (step / 2))
}
