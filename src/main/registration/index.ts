// Wiring for registration, source health, test events and the Nuvemshop jobs: app.ts builds
// one RegistrationService; handlers.ts spreads sourceOperations() into the API handlers. The
// tunnel calls `onPublicUrlChanged(url)` (via the app) when its public URL changes.

import type { AppInfo } from '../../shared/api'
import type { NormalizedEvent } from '../../shared/events'
import type { ApiHandlers } from '../api/handlers'
import { ApiFailure } from '../api/handlers'
import type { Db } from '../db/connection'
import type { StoredEvent } from '../ingest/store-events'
import type { Scheduler } from '../jobs/jobs'
import type { Sources } from '../sources/sources'
import type { EventBus } from '../util/events-bus'
import { createLogger } from '../util/log'
import type { Clock } from '../util/time'
import { canRegister } from './drivers'
import { sourceHealth } from './health'
import { type FetchLike, PlatformError } from './http'
import { registerNuvemshopJobs } from './nuvemshop-jobs'
import { Registration, type RepointResult } from './registration'
import { sendTestEvent } from './test-event'

export { PlatformError } from './http'
export { Registration, type RepointResult } from './registration'

export interface RegistrationWiring {
  db: Db
  sources: Sources
  bus: EventBus
  clock: Clock
  scheduler: Scheduler
  storeDerived(sourceId: string, events: NormalizedEvent[]): Promise<StoredEvent[]>
  announce(stored: readonly StoredEvent[]): void
  info(): AppInfo
  /** Public URL when a tunnel is up, else the local receiver URL. */
  webhookBase(): string
  fetch?: FetchLike
  checkoutPollMs?: number
}

export interface RegistrationService {
  registration: Registration
  /** Repoints automatic sources and flags manual ones; serialized, so flapping is safe. */
  repointAll(newUrl: string): Promise<RepointResult[]>
  /** The hook for the tunnel: call with the new public URL (null when it went away). */
  onPublicUrlChanged(url: string | null): void
  ensurePolls(): void
  deps: RegistrationWiring
}

const log = createLogger('registration')

export function wireRegistration(deps: RegistrationWiring): RegistrationService {
  const registration = new Registration({
    sources: deps.sources,
    clock: deps.clock,
    bus: deps.bus,
    fetch: deps.fetch,
  })
  const jobs = registerNuvemshopJobs({
    db: deps.db,
    sources: deps.sources,
    scheduler: deps.scheduler,
    clock: deps.clock,
    storeDerived: deps.storeDerived,
    announce: deps.announce,
    fetch: deps.fetch,
    checkoutPollMs: deps.checkoutPollMs ?? pollMsFromEnv(),
  })
  // Only this event: a catch-all listener would make ingest build UI views nobody reads.
  deps.bus.subscribe(() => jobs.ensurePolls(), ['sources.changed'])
  let chain: Promise<unknown> = Promise.resolve()
  const repointAll = (newUrl: string) => {
    const run = chain.then(() => registration.repointAll(newUrl))
    chain = run.catch(() => undefined)
    return run
  }
  return {
    registration,
    repointAll,
    onPublicUrlChanged(url) {
      if (!url) return
      void repointAll(url).then(
        (results) => log.info('repointed sources', { count: results.length }),
        (error: unknown) => log.error('repoint failed', { error: String(error) }),
      )
    },
    ensurePolls: jobs.ensurePolls,
    deps,
  }
}

function pollMsFromEnv(): number | undefined {
  const minutes = Number(process.env.RECUPERA_CHECKOUT_POLL_MINUTES)
  return Number.isFinite(minutes) && minutes > 0 ? minutes * 60_000 : undefined
}

type SourceOps =
  | 'createSource'
  | 'removeSource'
  | 'updateSource'
  | 'registerSource'
  | 'unregisterSource'
  | 'checkRegistration'
  | 'sourceHealth'
  | 'sendTestEvent'
  | 'rotateSecret'
  | 'confirmRotation'

/** The API operations on sources that involve registration; handlers.ts spreads these. */
export function sourceOperations(service: RegistrationService): Pick<ApiHandlers, SourceOps> {
  const { sources, bus, clock } = service.deps
  const { registration } = service
  const base = () => service.deps.webhookBase()
  const viewOf = (id: string) => sources.view(sources.row(id), base())
  const changed = () => bus.emit({ type: 'sources.changed' })
  return {
    createSource: async (input) => {
      const { row, source } = sources.create(input)
      // A manual source remembers the URL its owner is shown, so a change can be flagged.
      if (!canRegister(source)) await registration.registerSource(source.id, base())
      changed()
      return { source: viewOf(row.id), secret: source.secrets[0]! }
    },
    removeSource: async ({ id }) => {
      const source = sources.get(id)
      // Best effort: take our webhooks off the platform so it stops calling a dead address.
      if (canRegister(source) && sources.row(id).registration_status === 'registered')
        await registration.unregisterSource(id).catch(() => undefined)
      const removed = sources.remove(id)
      if (removed) changed()
      return { removed }
    },
    updateSource: (input) => {
      sources.update(input)
      changed()
      return viewOf(input.id)
    },
    registerSource: ({ id }) => registration.registerSource(id, base()),
    unregisterSource: ({ id }) => registration.unregisterSource(id),
    checkRegistration: ({ id }) => registration.checkRegistration(id, base()),
    sourceHealth: ({ id }) =>
      sourceHealth(service.deps.db, sources, id, service.deps.info(), base(), clock),
    sendTestEvent: async ({ id }) => {
      const info = service.deps.info()
      try {
        return await sendTestEvent(
          sources.get(id),
          { publicUrl: info.publicUrl, receiverUrl: info.receiverUrl },
          clock,
          service.deps.fetch,
        )
      } catch (error) {
        if (error instanceof PlatformError) throw new ApiFailure('PLATFORM_ERROR', error.message)
        throw error
      }
    },
    rotateSecret: async ({ id, secret }) => {
      const rotated = sources.rotateSecret(id, secret)
      // Kiwify signs with the token we registered: hand it the new one right away.
      const source = sources.get(id)
      const repoint =
        source.platform === 'kiwify' &&
        canRegister(source) &&
        rotated.row.registration_status === 'registered'
      const view = repoint ? await registration.registerSource(id, base()) : null
      changed()
      return { source: viewOf(id), secret: rotated.secret, registration: view }
    },
    confirmRotation: ({ id }) => {
      sources.confirmRotation(id)
      changed()
      return viewOf(id)
    },
  }
}
