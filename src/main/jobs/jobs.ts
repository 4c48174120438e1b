// Durable jobs: work that must happen later or be retried (Nuvemshop order fetches, Shopify
// abandonment checks) is a row first, so a restart loses none of it. The scheduler runs due
// rows, deletes them on success and backs off on failure.
import type { Db } from '../db/connection'
import { createLogger, type Logger } from '../util/log'
import type { Clock } from '../util/time'

export interface NewJob {
  kind: string
  uniqueKey: string | null
  runAt: number
  payload: unknown
  now: number
  /** Re-schedule an existing job with this key instead of keeping the first one. */
  replace?: boolean
}

// Enqueued on the ingest path (every Shopify checkout): hand-written SQL through cached
// prepared statements rather than a query built per call.
const INSERT_JOB = `INSERT INTO jobs (kind, unique_key, run_at, payload, attempts, last_error, created_at)
  VALUES (@kind, @uniqueKey, @runAt, @payload, 0, NULL, @now)`
const KEEP_EXISTING = `${INSERT_JOB} ON CONFLICT (unique_key) DO NOTHING`
const RESCHEDULE_EXISTING = `${INSERT_JOB}
  ON CONFLICT (unique_key) DO UPDATE SET run_at = excluded.run_at, payload = excluded.payload`

/** Returns false when a job with the same unique key is already pending (and is kept). */
export function enqueueJob(db: Db, job: NewJob): boolean {
  const { changes } = db.statement(job.replace ? RESCHEDULE_EXISTING : KEEP_EXISTING).run({
    kind: job.kind,
    uniqueKey: job.uniqueKey,
    runAt: job.runAt,
    payload: JSON.stringify(job.payload),
    now: job.now,
  })
  return changes > 0
}

/** A handler may ask to run again later (e.g. HTTP 429 with Retry-After). */
export type JobHandler = (
  payload: unknown,
  attempt: number,
) => Promise<{ retryAfterMs: number } | undefined>

export class Scheduler {
  private readonly handlers = new Map<string, JobHandler>()
  private timer: NodeJS.Timeout | null = null
  private running = false
  private stopped = false
  private readonly log: Logger = createLogger('jobs')

  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly intervalMs = 1000,
    private readonly maxAttempts = 12,
  ) {}

  register(kind: string, handler: JobHandler): void {
    this.handlers.set(kind, handler)
  }

  start(): void {
    this.stopped = false
    this.timer = setInterval(() => void this.tick(), this.intervalMs)
    this.timer.unref()
  }

  async stop(): Promise<void> {
    this.stopped = true
    if (this.timer) clearInterval(this.timer)
    while (this.running) await new Promise((r) => setTimeout(r, 10))
  }

  /** Runs every due job once; exposed so tests can drive the clock. */
  async tick(): Promise<number> {
    if (this.running || this.stopped) return 0
    this.running = true
    try {
      const due = this.db.all(
        this.db.kysely
          .selectFrom('jobs')
          .selectAll()
          .where('run_at', '<=', this.clock())
          .orderBy('run_at')
          .limit(50),
      )
      for (const job of due) await this.runOne(job)
      return due.length
    } finally {
      this.running = false
    }
  }

  private async runOne(job: {
    id: number
    kind: string
    payload: string
    attempts: number
  }): Promise<void> {
    const handler = this.handlers.get(job.kind)
    if (!handler) return
    const attempt = job.attempts + 1
    try {
      const result = await handler(JSON.parse(job.payload), attempt)
      if (result && 'retryAfterMs' in result) {
        this.reschedule(job.id, job.attempts, result.retryAfterMs, 'retry requested')
        return
      }
      this.db.run(this.db.kysely.deleteFrom('jobs').where('id', '=', job.id))
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error)
      if (attempt >= this.maxAttempts) {
        this.log.error('job gave up', { kind: job.kind, id: job.id, attempt, error: message })
        this.db.run(this.db.kysely.deleteFrom('jobs').where('id', '=', job.id))
        return
      }
      // Exponential backoff with jitter: 2 s, 4 s, 8 s … capped at 30 min.
      const delay = Math.min(30 * 60_000, 2000 * 2 ** job.attempts) * (0.8 + Math.random() * 0.4)
      this.reschedule(job.id, attempt, delay, message)
    }
  }

  private reschedule(id: number, attempts: number, delayMs: number, error: string): void {
    this.db.run(
      this.db.kysely
        .updateTable('jobs')
        .set({ run_at: this.clock() + delayMs, attempts, last_error: error })
        .where('id', '=', id),
    )
  }
}
