// The composition root: builds the whole core from a data directory and options. The Electron
// shell, `recupera serve`, the CLI, the tests and the benchmarks all build the app here.
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import type { AppInfo } from '../shared/api'
import { type ApiHandlers, createHandlers } from './api/handlers'
import { createUiServer, type UiServer } from './api/ui-server'
import { getSummary } from './conversations/inbox'
import { SearchIndexer } from './conversations/search-index'
import { toCommerceEvent } from './conversations/views'
import { type Db, openDatabase } from './db/connection'
import type { EventRow } from './db/schema'
import { ABANDON_JOB, type AbandonPayload, abandonedEventFor } from './ingest/abandonment'
import {
  DELIVERY_VIEW_COLUMNS,
  type DeliveryViewRow,
  pruneDeliveryBodies,
  toDeliveryView,
} from './ingest/delivery-log'
import { GroupCommitter } from './ingest/group-commit'
import { Ingest, type IngestOutcome } from './ingest/ingest'
import type { StoredEvent } from './ingest/store-events'
import { Scheduler } from './jobs/jobs'
import type { ReceiverLimits } from './receiver/limits'
import { createReceiver, type Receiver } from './receiver/receiver'
import { type RegistrationService, wireRegistration } from './registration'
import { createSecretBox, type KeyStore, keyFileStore } from './secrets/secret-box'
import { Sources } from './sources/sources'
import { TunnelManager, type TunnelOptions } from './tunnel'
import { EventBus } from './util/events-bus'
import { type Clock, systemClock } from './util/time'

export const VERSION = '0.1.0'

const BODY_RETENTION_MS = 30 * 24 * 3600_000

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
  /** How often Nuvemshop abandoned checkouts are polled (default 15 min). */
  checkoutPollMs?: number
  /** Default: no tunnel (`recupera serve` defaults to localtunnel). */
  tunnel?: TunnelOptions
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
  /** Tunnel status and `onUrlChange(listener)` (see src/main/tunnel/manager.ts). */
  tunnel: TunnelManager
  ui: { url: string; token: string; server: UiServer } | null
  /** Tells the UI about events stored outside the receiver (enrichment, timers, polls). */
  announceEvents(stored: readonly StoredEvent[]): void
  /** Webhook registration; `registration.onPublicUrlChanged(url)` repoints every source. */
  registration: RegistrationService
  info(): AppInfo
  close(): Promise<void>
}

export async function createApp(options: AppOptions): Promise<App> {
  mkdirSync(options.dataDir, { recursive: true })
  const clock = options.clock ?? systemClock
  const db = await openDatabase(join(options.dataDir, 'recupera.db'), {
    backgroundCheckpoints: true,
  })
  const box = createSecretBox(options.keyStore ?? keyFileStore(options.dataDir))
  const bus = new EventBus()
  const sources = new Sources(db, box, clock)
  // The search index catches up a few ms after each commit, not inside it (search-index.ts).
  const searchIndex = new SearchIndexer(db)
  const committer = new GroupCommitter(db, undefined, () => searchIndex.schedule())
  const ingest = new Ingest(db, committer, clock)
  const scheduler = new Scheduler(db, clock, options.schedulerIntervalMs)

  // Announcing runs once per delivery on the hot path: plain prepared statements (no query
  // building per call), and the delivery view without its raw body.
  const readEvent = db.sqlite.prepare('SELECT * FROM events WHERE id = ?')
  const readDelivery = db.sqlite.prepare(
    `SELECT ${DELIVERY_VIEW_COLUMNS.join(', ')} FROM deliveries WHERE id = ?`,
  )
  const announceEvents = (stored: readonly StoredEvent[]) => {
    // Headless with no UI attached: nobody to tell, so read nothing.
    if (!bus.hasListeners('event.created')) return
    for (const { eventId, conversationId } of stored) {
      const row = readEvent.get(eventId) as EventRow | undefined
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
    if (!bus.hasListeners('delivery.logged')) return
    const delivery = readDelivery.get(outcome.deliveryRowId) as DeliveryViewRow | undefined
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
      const delivery = readDelivery.get(id) as DeliveryViewRow | undefined
      if (delivery)
        bus.emit({ type: 'delivery.logged', sourceId, delivery: toDeliveryView(delivery) })
    },
  })
  const receiverUrl = await receiver.listen(options.receiverPort ?? 4010)
  const tunnel = new TunnelManager({
    db,
    bus,
    receiverPort: Number(new URL(receiverUrl).port),
    options: options.tunnel ?? { provider: 'none' },
  })
  const webhookBase = () => tunnel.publicUrl() ?? receiverUrl
  const info = (): AppInfo => ({
    version: VERSION,
    dataDir: options.dataDir,
    receiverUrl,
    publicUrl: tunnel.publicUrl(),
    tunnel: tunnel.status(),
    headless: options.headless ?? true,
  })
  const registration = wireRegistration({
    ...{ db, sources, bus, clock, scheduler, info, webhookBase },
    storeDerived: (sourceId, events) => ingest.storeDerived(sourceId, events),
    announce: announceEvents,
    checkoutPollMs: options.checkoutPollMs,
  })
  // A new public URL: repoint automatically registered sources, flag the manual ones.
  tunnel.onUrlChange((url) => registration.onPublicUrlChanged(url))
  const handlers = createHandlers({ db, sources, bus, clock, info, webhookBase, registration })

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
  // Raw bodies help troubleshooting but are customer data: keep them 30 days, the log lines forever.
  const pruneBodies = () => pruneDeliveryBodies(db, clock() - BODY_RETENTION_MS)
  pruneBodies()
  const pruneTimer = setInterval(pruneBodies, 3600_000)
  pruneTimer.unref()
  tunnel.start()

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
    tunnel,
    ui,
    announceEvents,
    registration,
    info,
    async close() {
      await tunnel.stop()
      clearInterval(pruneTimer)
      await scheduler.stop()
      await receiver.close()
      await ui?.server.close()
      committer.flush()
      searchIndex.close()
      await db.close()
    },
  }
}
