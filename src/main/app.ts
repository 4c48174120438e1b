// The composition root: builds the whole core from a data directory and options. The Electron
// shell, `recupera serve`, the CLI, the tests and the benchmarks all build the app here.
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import type { AppInfo, TunnelStatus } from '../shared/api'
import { type ApiHandlers, createHandlers } from './api/handlers'
import { createUiServer, type UiServer } from './api/ui-server'
import { getSummary } from './conversations/inbox'
import { toCommerceEvent } from './conversations/views'
import { type Db, openDatabase } from './db/connection'
import { ABANDON_JOB, type AbandonPayload, abandonedEventFor } from './ingest/abandonment'
import { toDeliveryView } from './ingest/delivery-log'
import { GroupCommitter } from './ingest/group-commit'
import { Ingest, type IngestOutcome } from './ingest/ingest'
import type { StoredEvent } from './ingest/store-events'
import { Scheduler } from './jobs/jobs'
import type { ReceiverLimits } from './receiver/limits'
import { createReceiver, type Receiver } from './receiver/receiver'
import { createSecretBox, type KeyStore, keyFileStore } from './secrets/secret-box'
import { Sources } from './sources/sources'
import { EventBus } from './util/events-bus'
import { type Clock, systemClock } from './util/time'

export const VERSION = '0.1.0'

export interface AppOptions {
  dataDir: string
  /** 0 picks a free port (tests). */
  receiverPort?: number
  /** null: no UI/API server (the Electron shell uses IPC instead). */
  uiPort?: number | null
  rendererDir?: string | null
  uiToken?: string
  clock?: Clock
  keyStore?: KeyStore
  limits?: Partial<ReceiverLimits>
  headless?: boolean
  schedulerIntervalMs?: number
}

export interface App {
  db: Db
  bus: EventBus
  sources: Sources
  ingest: Ingest
  committer: GroupCommitter
  scheduler: Scheduler
  receiver: Receiver
  handlers: ApiHandlers
  receiverUrl: string
  ui: { url: string; token: string; server: UiServer } | null
  /** Tells the UI about events stored outside the receiver (enrichment, timers, polls). */
  announceEvents(stored: readonly StoredEvent[]): void
  info(): AppInfo
  close(): Promise<void>
}

export async function createApp(options: AppOptions): Promise<App> {
  mkdirSync(options.dataDir, { recursive: true })
  const clock = options.clock ?? systemClock
  const db = await openDatabase(join(options.dataDir, 'recupera.db'))
  const box = createSecretBox(options.keyStore ?? keyFileStore(options.dataDir))
  const bus = new EventBus()
  const sources = new Sources(db, box, clock)
  const committer = new GroupCommitter(db)
  const ingest = new Ingest(db, committer, clock)
  const scheduler = new Scheduler(db, clock, options.schedulerIntervalMs)
  const tunnel: TunnelStatus = {
    provider: 'none',
    state: 'off',
    publicUrl: null,
    lastProbeAt: null,
    lastError: null,
    reconnects: 0,
  }

  const announceEvents = (stored: readonly StoredEvent[]) => {
    for (const { eventId, conversationId } of stored) {
      const row = db.first(db.kysely.selectFrom('events').selectAll().where('id', '=', eventId))
      if (!row) continue
      bus.emit({
        type: 'event.created',
        event: toCommerceEvent(row),
        conversation: getSummary(db, conversationId),
      })
    }
  }
  const announce = (_source: unknown, outcome: IngestOutcome) => {
    announceEvents(outcome.stored)
    const delivery = db.first(
      db.kysely.selectFrom('deliveries').selectAll().where('id', '=', outcome.deliveryRowId),
    )
    if (delivery)
      bus.emit({
        type: 'delivery.logged',
        sourceId: delivery.source_id,
        delivery: toDeliveryView(delivery),
      })
  }
  scheduler.register(ABANDON_JOB, async (payload) => {
    const { sourceId } = payload as AbandonPayload
    const event = abandonedEventFor(db, payload as AbandonPayload, clock())
    if (event) announceEvents(await ingest.storeDerived(sourceId, [event]))
    return undefined
  })
  const receiver = createReceiver({
    db,
    sources,
    ingest,
    committer,
    clock,
    limits: options.limits,
    onIngested: announce,
    onRefused: (sourceId, id) => {
      const delivery = db.first(db.kysely.selectFrom('deliveries').selectAll().where('id', '=', id))
      if (delivery)
        bus.emit({ type: 'delivery.logged', sourceId, delivery: toDeliveryView(delivery) })
    },
  })
  const receiverUrl = await receiver.listen(options.receiverPort ?? 4010)
  const webhookBase = () => tunnel.publicUrl ?? receiverUrl
  const info = (): AppInfo => ({
    version: VERSION,
    dataDir: options.dataDir,
    receiverUrl,
    publicUrl: tunnel.publicUrl,
    tunnel: { ...tunnel },
    headless: options.headless ?? true,
  })
  const handlers = createHandlers({ db, sources, bus, clock, info, webhookBase })

  let ui: App['ui'] = null
  if (options.uiPort !== null) {
    const server = createUiServer({
      handlers,
      bus,
      rendererDir: options.rendererDir ?? null,
      token: options.uiToken,
    })
    try {
      const { url } = await server.listen(options.uiPort ?? 4011)
      ui = { url, token: server.token, server }
    } catch (error) {
      await receiver.close()
      await db.close()
      throw error
    }
  }
  scheduler.start()

  return {
    db,
    bus,
    sources,
    ingest,
    committer,
    scheduler,
    receiver,
    handlers,
    receiverUrl,
    ui,
    announceEvents,
    info,
    async close() {
      await scheduler.stop()
      await receiver.close()
      await ui?.server.close()
      committer.flush()
      await db.close()
    },
  }
}
