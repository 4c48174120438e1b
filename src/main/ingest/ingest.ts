// From a verified delivery to durable rows: normalizes with the platform adapter, then in one
// group-committed transaction writes the delivery log line and the events (or the enrichment
// job for thin bodies). The promise resolves only after COMMIT: the receiver acknowledges then.
import type { NormalizedEvent } from '../../shared/events'
import type { Db } from '../db/connection'
import { enqueueJob } from '../jobs/jobs'
import { adapterFor } from '../platforms'
import type { Headers, NormalizeResult } from '../platforms/types'
import type { Source } from '../sources/sources'
import type { Clock } from '../util/time'
import { type DeliveryOutcome, logDelivery } from './delivery-log'
import type { GroupCommitter } from './group-commit'
import { type StoredEvent, storeEvents } from './store-events'

export interface IngestOutcome {
  outcome: DeliveryOutcome
  httpStatus: number
  reason: string | null
  stored: StoredEvent[]
  deliveryRowId: number
}

export interface VerifiedDelivery {
  source: Source
  raw: Buffer
  headers: Headers
  receivedAt: number
}

export class Ingest {
  constructor(
    private readonly db: Db,
    private readonly committer: GroupCommitter,
    private readonly clock: Clock,
  ) {}

  /** Normalization is pure and runs outside the transaction; only writes are batched. */
  accept(delivery: VerifiedDelivery): Promise<IngestOutcome> {
    const { source, raw, headers } = delivery
    const result = adapterFor(source.platform).normalize(raw, headers, {
      sourceId: source.id,
      checkoutUrl: source.checkoutUrl,
      storeId: source.storeId,
    })
    return this.committer.submit(() => this.write(delivery, result))
  }

  /** Events produced later (enrichment, abandonment timers) go through the same path. */
  storeDerived(sourceId: string, events: NormalizedEvent[]): Promise<StoredEvent[]> {
    return this.committer.submit(() => storeEvents(this.db, sourceId, events, this.clock()).stored)
  }

  private write(d: VerifiedDelivery, result: NormalizeResult): IngestOutcome {
    const base = {
      sourceId: d.source.id,
      receivedAt: d.receivedAt,
      verified: true,
      body: d.raw,
      bodySize: d.raw.length,
    }
    switch (result.kind) {
      case 'malformed': {
        const id = logDelivery(this.db, {
          ...base,
          eventType: null,
          reason: result.reason,
          outcome: 'malformed',
          httpStatus: 400,
          dedupKey: null,
          deliveryId: null,
        })
        return {
          outcome: 'malformed',
          httpStatus: 400,
          reason: result.reason,
          stored: [],
          deliveryRowId: id,
        }
      }
      case 'unsupported': {
        const id = logDelivery(this.db, {
          ...base,
          eventType: result.eventType,
          reason: result.reason,
          outcome: 'unsupported',
          httpStatus: 200,
          dedupKey: result.dedupKey,
          deliveryId: null,
        })
        return {
          outcome: 'unsupported',
          httpStatus: 200,
          reason: result.reason,
          stored: [],
          deliveryRowId: id,
        }
      }
      case 'enrich': {
        const queued = enqueueJob(this.db, {
          kind: 'nuvemshop.enrich',
          uniqueKey: `enrich:${d.source.id}:${result.dedupKey}`,
          runAt: this.clock(),
          payload: {
            sourceId: d.source.id,
            storeId: result.storeId,
            resourceId: result.resourceId,
            event: result.eventType,
          },
          now: this.clock(),
        })
        const outcome = queued ? 'enrich_pending' : 'duplicate'
        const id = logDelivery(this.db, {
          ...base,
          eventType: result.eventType,
          reason: null,
          outcome,
          httpStatus: 200,
          dedupKey: result.dedupKey,
          deliveryId: null,
        })
        return { outcome, httpStatus: 200, reason: null, stored: [], deliveryRowId: id }
      }
      case 'events': {
        const { stored } = storeEvents(this.db, d.source.id, result.events, this.clock())
        const first = result.events[0]
        const outcome = stored.length > 0 ? 'stored' : 'duplicate'
        const id = logDelivery(this.db, {
          ...base,
          eventType: first?.eventType ?? null,
          reason: null,
          outcome,
          httpStatus: 200,
          dedupKey: first?.dedupKey ?? null,
          deliveryId: first?.deliveryId ?? null,
        })
        return { outcome, httpStatus: 200, reason: null, stored, deliveryRowId: id }
      }
    }
  }
}
