// Abuse limits for the public receiver: token buckets per source and globally (429 with
// Retry-After), so one noisy or hostile sender cannot starve the others or the disk.
export class TokenBucket {
  private tokens: number
  private last: number

  constructor(
    private readonly ratePerSec: number,
    private readonly burst: number,
    now: number,
  ) {
    this.tokens = burst
    this.last = now
  }

  /** Takes a token; returns 0 when allowed, else the seconds until one is available. */
  take(now: number): number {
    // An infinite rate means "no limit" (benchmarks, `serve --rate-limit off`).
    if (this.ratePerSec === Number.POSITIVE_INFINITY) return 0
    this.tokens = Math.min(this.burst, this.tokens + ((now - this.last) / 1000) * this.ratePerSec)
    this.last = now
    if (this.tokens >= 1) {
      this.tokens -= 1
      return 0
    }
    return Math.max(1, Math.ceil((1 - this.tokens) / this.ratePerSec))
  }
}

export interface ReceiverLimits {
  /** Largest accepted body (bytes): platform payloads are a few KB. */
  maxBodyBytes: number
  /** Whole-request deadline: a client trickling bytes is cut off. */
  requestTimeoutMs: number
  headersTimeoutMs: number
  maxConnections: number
  perSourceRatePerSec: number
  perSourceBurst: number
  globalRatePerSec: number
  globalBurst: number
}

export const defaultLimits: ReceiverLimits = {
  maxBodyBytes: 1024 * 1024,
  requestTimeoutMs: 15_000,
  headersTimeoutMs: 10_000,
  maxConnections: 512,
  perSourceRatePerSec: 200,
  perSourceBurst: 2000,
  globalRatePerSec: 1000,
  globalBurst: 5000,
}

/** The rate limits switched off: for benchmarks on 127.0.0.1, never for a tunnelled receiver. */
export const unlimitedRates: Pick<
  ReceiverLimits,
  'perSourceRatePerSec' | 'perSourceBurst' | 'globalRatePerSec' | 'globalBurst'
> = {
  perSourceRatePerSec: Number.POSITIVE_INFINITY,
  perSourceBurst: Number.POSITIVE_INFINITY,
  globalRatePerSec: Number.POSITIVE_INFINITY,
  globalBurst: Number.POSITIVE_INFINITY,
}

export class RateLimiter {
  private readonly global: TokenBucket
  private readonly perSource = new Map<string, TokenBucket>()

  constructor(
    private readonly limits: ReceiverLimits,
    now: number,
  ) {
    this.global = new TokenBucket(limits.globalRatePerSec, limits.globalBurst, now)
  }

  /** 0 when allowed, else the Retry-After in seconds. */
  check(sourceId: string, now: number): number {
    let bucket = this.perSource.get(sourceId)
    if (!bucket) {
      bucket = new TokenBucket(this.limits.perSourceRatePerSec, this.limits.perSourceBurst, now)
      this.perSource.set(sourceId, bucket)
    }
    const wait = bucket.take(now)
    if (wait > 0) return wait
    return this.global.take(now)
  }
}
