// Nuvemshop's slow work, as durable jobs (rows survive a restart):
// - `nuvemshop.enrich` (queued by ingest for every thin order webhook): fetch the order, turn
//   it into an event, store it. A 429 asks the scheduler to come back when the bucket drains.
// - `nuvemshop.checkouts` (one per source with an API token, rescheduling itself): poll the
//   abandoned checkouts; their dedup keys make re-polls of the same checkout no-ops.
import type { NormalizedEvent } from '../../shared/events'
import type { Db } from '../db/connection'
import type { StoredEvent } from '../ingest/store-events'
import { enqueueJob, type Scheduler } from '../jobs/jobs'
import { NuvemshopClient } from '../platforms/nuvemshop/client'
import {
  normalizeNuvemshopCheckout,
  normalizeNuvemshopOrder,
} from '../platforms/nuvemshop/normalize'
import type { Source, Sources } from '../sources/sources'
import { createLogger } from '../util/log'
import type { Clock } from '../util/time'
import { type FetchLike, PlatformError } from './http'

export const ENRICH_JOB = 'nuvemshop.enrich'
export const CHECKOUT_POLL_JOB = 'nuvemshop.checkouts'
export const DEFAULT_CHECKOUT_POLL_MS = 15 * 60_000
/** Wait after a 429 without a hint from the platform (a bucket of 40 drains at 2/s). */
const DEFAULT_429_WAIT_MS = 5_000
/** Pages of 100 checkouts read per poll: Nuvemshop lists them for 30 days. */
const MAX_PAGES = 5

export interface EnrichPayload {
  sourceId: string
  storeId: string
  resourceId: string
  event: string
}

export interface NuvemshopJobsDeps {
  db: Db
  sources: Sources
  scheduler: Scheduler
  clock: Clock
  storeDerived(sourceId: string, events: NormalizedEvent[]): Promise<StoredEvent[]>
  announce(stored: readonly StoredEvent[]): void
  fetch?: FetchLike
  checkoutPollMs?: number
}

const log = createLogger('nuvemshop-jobs')

export function registerNuvemshopJobs(deps: NuvemshopJobsDeps): { ensurePolls(): void } {
  const pollMs = deps.checkoutPollMs ?? DEFAULT_CHECKOUT_POLL_MS
  deps.scheduler.register(ENRICH_JOB, (payload) => enrich(deps, payload as EnrichPayload))
  deps.scheduler.register(CHECKOUT_POLL_JOB, (payload) =>
    pollCheckouts(deps, (payload as { sourceId: string }).sourceId, pollMs),
  )
  const ensurePolls = () => {
    for (const row of deps.sources.rows()) {
      if (row.platform !== 'nuvemshop' || row.enabled !== 1 || !row.store_id) continue
      if (!row.credentials_enc) continue
      enqueueJob(deps.db, {
        kind: CHECKOUT_POLL_JOB,
        uniqueKey: `checkouts:${row.id}`,
        runAt: deps.clock(),
        payload: { sourceId: row.id },
        now: deps.clock(),
      })
    }
  }
  ensurePolls()
  return { ensurePolls }
}

function sourceOrNull(sources: Sources, id: string): Source | null {
  try {
    return sources.get(id)
  } catch {
    return null
  }
}

function clientFor(source: Source, storeId: string, fetchImpl?: FetchLike): NuvemshopClient | null {
  const token = source.credentials.apiToken
  if (!token) return null
  // Waits belong to the durable scheduler, not to a call holding the job loop.
  return new NuvemshopClient(storeId, token, {
    baseUrl: source.apiBase,
    fetch: fetchImpl,
    max429Retries: 0,
  })
}

async function enrich(deps: NuvemshopJobsDeps, job: EnrichPayload) {
  const source = sourceOrNull(deps.sources, job.sourceId)
  if (!source) return undefined
  const client = clientFor(source, source.storeId ?? job.storeId, deps.fetch)
  if (!client) {
    log.warn('cannot fetch the order: the source has no API token', { sourceId: source.id })
    return undefined
  }
  let raw: string
  try {
    raw = await client.getOrderRaw(job.resourceId)
  } catch (error) {
    if (error instanceof PlatformError && error.status === 429)
      return { retryAfterMs: error.retryAfterMs ?? DEFAULT_429_WAIT_MS }
    if (error instanceof PlatformError && error.status === 404) {
      // Deleted, or a test webhook for an order that never existed: nothing to retry.
      log.warn('order not found', { sourceId: source.id, order: job.resourceId })
      return undefined
    }
    throw error
  }
  const result = normalizeNuvemshopOrder(raw, job.event, {
    sourceId: source.id,
    checkoutUrl: source.checkoutUrl,
    storeId: source.storeId ?? job.storeId,
  })
  if (result.kind === 'events') {
    deps.announce(await deps.storeDerived(source.id, result.events))
  } else if (result.kind === 'malformed') {
    log.warn('order not understood', { sourceId: source.id, reason: result.reason })
  }
  return undefined
}

async function pollCheckouts(deps: NuvemshopJobsDeps, sourceId: string, pollMs: number) {
  const source = sourceOrNull(deps.sources, sourceId)
  // Gone, disabled or without a token: let the job end (ensurePolls restarts it later).
  if (!source?.enabled || !source.storeId) return undefined
  const client = clientFor(source, source.storeId, deps.fetch)
  if (!client) return undefined
  try {
    for (let page = 1; page <= MAX_PAGES; page++) {
      const checkouts = await client.listCheckoutsRaw({ page, perPage: 100 })
      const events = checkouts.flatMap((raw) => {
        const result = normalizeNuvemshopCheckout(raw, {
          sourceId: source.id,
          checkoutUrl: source.checkoutUrl,
          storeId: source.storeId,
        })
        return result.kind === 'events' ? result.events : []
      })
      if (events.length) deps.announce(await deps.storeDerived(source.id, events))
      if (checkouts.length < 100) break
    }
  } catch (error) {
    if (error instanceof PlatformError && error.status === 429)
      return { retryAfterMs: error.retryAfterMs ?? DEFAULT_429_WAIT_MS }
    // A failing poll must not end the schedule (the scheduler gives up after 12 failures).
    log.warn('checkout poll failed', {
      sourceId,
      error: error instanceof Error ? error.message : String(error),
    })
  }
  return { retryAfterMs: pollMs }
}
