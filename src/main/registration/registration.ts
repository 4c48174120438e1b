// Automatic webhook registration: points the platform's webhooks at `<publicUrl>/hooks/<key>`,
// records what was done in sources.registration_json / registration_status, checks it against
// the platform, removes it, and repoints every source when the tunnel's public URL changes.
// Sources that cannot register themselves (Hotmart, or no API credentials) are "manual": the
// owner pastes the URL, and is told to paste the new one when it changes.
import type { RegistrationView } from '../../shared/api'
import type { SourceRow } from '../db/schema'
import type { Source, Sources } from '../sources/sources'
import type { EventBus } from '../util/events-bus'
import { createLogger } from '../util/log'
import { type Clock, isoOrNull } from '../util/time'
import { canRegister, driverFor, isOurs, type Subscription } from './drivers'
import { type FetchLike, PlatformError } from './http'

/** What registration_json holds. */
export interface StoredRegistration {
  url: string | null
  subscriptions: { id: string; topic: string }[]
  problems: string[]
}

export interface RegistrationDeps {
  sources: Sources
  clock: Clock
  bus?: EventBus
  fetch?: FetchLike
}

export interface RepointResult {
  sourceId: string
  status: string | null
}

const log = createLogger('registration')

export class Registration {
  constructor(private readonly deps: RegistrationDeps) {}

  /** The URL a platform must call for this source. Kiwify appends `?signature=` itself. */
  static hookUrl(publicUrl: string, webhookKey: string): string {
    return `${publicUrl.replace(/\/+$/, '')}/hooks/${webhookKey}`
  }

  view(sourceId: string): RegistrationView {
    const row = this.deps.sources.row(sourceId)
    const source = this.deps.sources.get(sourceId)
    return toView(row, canRegister(source))
  }

  async registerSource(sourceId: string, publicUrl: string): Promise<RegistrationView> {
    const source = this.deps.sources.get(sourceId)
    const url = Registration.hookUrl(publicUrl, source.webhookKey)
    const driver = driverFor(source, this.deps.fetch)
    if (!driver) {
      // Nothing to call: remember the URL the owner was shown, so a change can be flagged.
      return this.save(source.id, { url, subscriptions: [], problems: [] }, 'manual')
    }
    try {
      const ours = (await driver.list()).filter((s) => isOurs(s.url, source.webhookKey))
      const { subs, skipped } = await driver.ensure(url, ours)
      const problems = skipped.map((t) => `${t} not offered by the platform`)
      log.info('registered', { sourceId, platform: source.platform, subscriptions: subs.length })
      return this.save(source.id, { url, subscriptions: strip(subs), problems }, 'registered')
    } catch (error) {
      const message = messageOf(error)
      log.warn('registration failed', { sourceId, platform: source.platform, error: message })
      const previous = parseStored(this.deps.sources.row(sourceId).registration_json)
      return this.save(source.id, { ...previous, url, problems: [message] }, `failed: ${message}`)
    }
  }

  async unregisterSource(sourceId: string): Promise<RegistrationView> {
    const source = this.deps.sources.get(sourceId)
    const driver = driverFor(source, this.deps.fetch)
    if (!driver) return this.save(source.id, emptyStored(), 'unregistered')
    try {
      const ours = (await driver.list()).filter((s) => isOurs(s.url, source.webhookKey))
      for (const sub of ours) await driver.remove(sub)
      return this.save(source.id, emptyStored(), 'unregistered')
    } catch (error) {
      const message = messageOf(error)
      const previous = parseStored(this.deps.sources.row(sourceId).registration_json)
      return this.save(source.id, { ...previous, problems: [message] }, `failed: ${message}`)
    }
  }

  /** Lists the platform's webhooks and compares them with what this source needs. */
  async checkRegistration(sourceId: string, publicUrl: string): Promise<RegistrationView> {
    const source = this.deps.sources.get(sourceId)
    const row = this.deps.sources.row(sourceId)
    const url = Registration.hookUrl(publicUrl, source.webhookKey)
    const driver = driverFor(source, this.deps.fetch)
    if (!driver) {
      const stored = parseStored(row.registration_json)
      const stale = stored.url !== null && stored.url !== url
      return this.save(source.id, stored, stale ? 'needs_manual_update' : 'manual')
    }
    try {
      const ours = (await driver.list()).filter((s) => isOurs(s.url, source.webhookKey))
      const problems = compare(driver.topics, ours, url, source)
      const status = problems.length ? `incomplete: ${problems.join('; ')}` : 'registered'
      return this.save(source.id, { url, subscriptions: strip(ours), problems }, status)
    } catch (error) {
      const message = messageOf(error)
      const previous = parseStored(row.registration_json)
      return this.save(source.id, { ...previous, problems: [message] }, `failed: ${message}`)
    }
  }

  /**
   * The tunnel's public URL changed: repoint every automatic source, flag every manual one.
   * Disabled sources, removed registrations and automatic sources never registered are left
   * alone; a manual source is always flagged (its URL may have been pasted by hand).
   */
  async repointAll(newUrl: string): Promise<RepointResult[]> {
    const results: RepointResult[] = []
    for (const row of this.deps.sources.rows()) {
      if (row.enabled !== 1 || row.registration_status === 'unregistered') continue
      const source = this.deps.sources.get(row.id)
      if (row.registration_status === null && canRegister(source)) continue
      const target = Registration.hookUrl(newUrl, source.webhookKey)
      const stored = parseStored(row.registration_json)
      if (stored.url === target && row.registration_status === 'registered') continue
      if (canRegister(source)) {
        const view = await this.registerSource(row.id, newUrl)
        results.push({ sourceId: row.id, status: view.status })
      } else if (stored.url !== target) {
        this.save(row.id, stored, 'needs_manual_update')
        results.push({ sourceId: row.id, status: 'needs_manual_update' })
      }
    }
    return results
  }

  private save(sourceId: string, stored: StoredRegistration, status: string): RegistrationView {
    this.deps.sources.setRegistration(sourceId, {
      json: JSON.stringify(stored),
      status: status.slice(0, 500),
      checkedAt: this.deps.clock(),
    })
    this.deps.bus?.emit({ type: 'sources.changed' })
    return this.view(sourceId)
  }
}

function compare(
  topics: readonly string[],
  ours: Subscription[],
  url: string,
  source: Source,
): string[] {
  const problems: string[] = []
  for (const topic of topics) {
    const matching = source.platform === 'kiwify' ? ours : ours.filter((s) => s.topic === topic)
    if (matching.length === 0) problems.push(`missing ${topic}`)
    else if (!matching.some((s) => s.url === url)) problems.push(`${topic} points at an old URL`)
    if (matching.length > 1) problems.push(`${topic} registered ${matching.length} times`)
  }
  return problems
}

export function toView(row: SourceRow, automatic: boolean): RegistrationView {
  const stored = parseStored(row.registration_json)
  const local = stored.url !== null && isLocalUrl(stored.url)
  return {
    sourceId: row.id,
    mode: automatic ? 'automatic' : 'manual',
    status: row.registration_status,
    url: stored.url,
    subscriptions: stored.subscriptions,
    checkedAt: isoOrNull(row.registration_checked_at),
    problems: stored.problems,
    warning: local ? 'local_url' : null,
  }
}

export function isLocalUrl(url: string): boolean {
  try {
    const host = new URL(url).hostname
    return host === 'localhost' || host === '[::1]' || /^127\./.test(host)
  } catch {
    return false
  }
}

function parseStored(json: string | null): StoredRegistration {
  if (!json) return emptyStored()
  try {
    const value = JSON.parse(json) as Partial<StoredRegistration>
    return {
      url: typeof value.url === 'string' ? value.url : null,
      subscriptions: Array.isArray(value.subscriptions) ? value.subscriptions : [],
      problems: Array.isArray(value.problems) ? value.problems : [],
    }
  } catch {
    return emptyStored()
  }
}

const emptyStored = (): StoredRegistration => ({ url: null, subscriptions: [], problems: [] })
const strip = (subs: Subscription[]) => subs.map(({ id, topic }) => ({ id, topic }))

function messageOf(error: unknown): string {
  if (error instanceof PlatformError) return error.message
  return error instanceof Error ? error.message : String(error)
}
