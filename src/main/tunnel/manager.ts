// The app's tunnel: builds the configured provider (localtunnel, the user's own URL, or none),
// and turns its status into the app's outputs: a `tunnel.status` event on the bus, a JSON log
// line, the persisted status for `recupera tunnel status`, and `onUrlChange` for the code that
// keeps platform webhooks pointed at the public URL.
import type { TunnelStatus } from '../../shared/api'
import type { Db } from '../db/connection'
import type { EventBus } from '../util/events-bus'
import { createLogger } from '../util/log'
import { type BackoffOptions, defaultBackoff } from './backoff'
import { DEFAULT_LOCALTUNNEL_HOST, localtunnelOpener } from './localtunnel'
import { type Probe, probeHealth } from './probe'
import { defaultProbing, ProbingProvider } from './provider'
import {
  type PersistedTunnelStatus,
  readLastPublicUrl,
  writeLastPublicUrl,
  writeTunnelStatus,
} from './status-store'
import { installationSubdomain } from './subdomain'
import { type LinkOpener, offStatus, TunnelError, type TunnelProvider } from './types'

export interface TunnelOptions {
  provider: 'localtunnel' | 'url' | 'none'
  /** localtunnel server (default https://localtunnel.me). */
  host?: string
  /** The user's own public URL (provider `url`). */
  publicUrl?: string
  /** Overrides the installation's persisted subdomain (tests). */
  subdomain?: string
  probeIntervalMs?: number
  probeTimeoutMs?: number
  maxProbeFailures?: number
  /** Bound on creating a localtunnel client (the library itself never gives up). */
  openTimeoutMs?: number
  /** How long a new link may take to answer its first probe. */
  firstProbeWithinMs?: number
  backoff?: Partial<BackoffOptions>
  /** Persisted-status heartbeat. */
  heartbeatMs?: number
  probe?: Probe
}

export type UrlChangeListener = (newUrl: string, oldUrl: string | null) => void

export interface TunnelManagerDeps {
  db: Db
  bus: EventBus
  /** The receiver's port: the only one a tunnel ever exposes. */
  receiverPort: number
  options: TunnelOptions
}

const log = createLogger('tunnel')

export class TunnelManager {
  private readonly provider: TunnelProvider | null
  private readonly urlListeners = new Set<UrlChangeListener>()
  private readonly statusListeners = new Set<(status: TunnelStatus) => void>()
  private readonly heartbeatMs: number
  private heartbeat: NodeJS.Timeout | undefined
  private readonly startedAt = new Date().toISOString()

  constructor(private readonly deps: TunnelManagerDeps) {
    this.provider = buildProvider(deps)
    this.heartbeatMs = deps.options.heartbeatMs ?? 5000
    this.provider?.onStatus((status) => this.changed(status))
    this.provider?.onUrl((url) => this.urlVerified(url))
  }

  start(): void {
    this.persist(null)
    this.heartbeat = setInterval(() => this.persist(null), this.heartbeatMs)
    this.heartbeat.unref()
    this.provider?.start()
  }

  async stop(): Promise<void> {
    clearInterval(this.heartbeat)
    await this.provider?.stop()
    this.persist(new Date().toISOString())
  }

  status(): TunnelStatus {
    return this.provider?.status() ?? offStatus()
  }

  /** The public URL while the tunnel is up (verified from outside), else null. */
  publicUrl(): string | null {
    const status = this.status()
    return status.state === 'up' ? status.publicUrl : null
  }

  /**
   * Called when the verified public URL differs from the last one that was up, across restarts
   * too (oldUrl is null the first time this installation ever had one). Not called when the
   * tunnel merely goes down: platforms retry, and the URL usually comes back the same.
   */
  onUrlChange(listener: UrlChangeListener): () => void {
    this.urlListeners.add(listener)
    return () => this.urlListeners.delete(listener)
  }

  onStatus(listener: (status: TunnelStatus) => void): () => void {
    this.statusListeners.add(listener)
    return () => this.statusListeners.delete(listener)
  }

  /** Resolves with the status once it is up, or once a first attempt failed, or after `ms`. */
  settled(ms: number): Promise<TunnelStatus> {
    const now = this.status()
    if (!this.provider || now.state === 'up' || now.state === 'down') return Promise.resolve(now)
    return new Promise((resolve) => {
      const timer = setTimeout(() => done(this.status()), ms)
      const off = this.onStatus((status) => {
        if (status.state === 'up' || status.state === 'down') done(status)
      })
      function done(status: TunnelStatus) {
        clearTimeout(timer)
        off()
        resolve(status)
      }
    })
  }

  private changed(status: TunnelStatus): void {
    const fields = { provider: status.provider, state: status.state, publicUrl: status.publicUrl }
    const extra = { lastError: status.lastError, reconnects: status.reconnects }
    if (status.state === 'down') log.warn('tunnel state', { ...fields, ...extra })
    else log.info('tunnel state', { ...fields, ...extra })
    this.persist(null)
    this.deps.bus.emit({ type: 'tunnel.status', status })
    for (const listener of this.statusListeners) safely(() => listener(status))
  }

  private urlVerified(url: string): void {
    const previous = readLastPublicUrl(this.deps.db)
    if (previous === url) return
    writeLastPublicUrl(this.deps.db, url)
    log.info('public url changed', { publicUrl: url, previous })
    for (const listener of this.urlListeners) safely(() => listener(url, previous))
  }

  private persist(stoppedAt: string | null): void {
    const record: PersistedTunnelStatus = {
      status: this.status(),
      pid: process.pid,
      startedAt: this.startedAt,
      heartbeatAt: new Date().toISOString(),
      heartbeatMs: this.heartbeatMs,
      stoppedAt,
    }
    safely(() => writeTunnelStatus(this.deps.db, record))
  }
}

function buildProvider({ db, receiverPort, options }: TunnelManagerDeps): TunnelProvider | null {
  const probing = {
    probeIntervalMs: options.probeIntervalMs ?? defaultProbing.probeIntervalMs,
    maxProbeFailures: options.maxProbeFailures ?? defaultProbing.maxProbeFailures,
    firstProbeWithinMs: options.firstProbeWithinMs ?? defaultProbing.firstProbeWithinMs,
    backoff: { ...defaultBackoff, ...options.backoff },
    probe: options.probe ?? probeHealth(options.probeTimeoutMs ?? 4000),
  }
  switch (options.provider) {
    case 'none':
      return null
    case 'localtunnel':
      return new ProbingProvider(
        localtunnelOpener({
          host: options.host ?? DEFAULT_LOCALTUNNEL_HOST,
          port: receiverPort,
          subdomain: options.subdomain ?? installationSubdomain(db),
          openTimeoutMs: options.openTimeoutMs ?? 10_000,
        }),
        probing,
      )
    case 'url': {
      if (!options.publicUrl) throw new TunnelError('OPEN_FAILED', 'the url tunnel needs publicUrl')
      // Nothing to wait for on a URL we do not manage: report down from the first failed probe.
      return new ProbingProvider(urlOpener(normalizeUrl(options.publicUrl)), {
        ...probing,
        firstProbeWithinMs: 0,
      })
    }
  }
}

/** The user's own public URL (reverse proxy, cloudflared named tunnel): nothing to manage. */
function urlOpener(url: string): LinkOpener {
  return {
    kind: 'url',
    recreatable: false,
    open: async () => ({ url, onFatal: () => {}, close: () => {} }),
    dispose: () => {},
  }
}

export function normalizeUrl(value: string): string {
  const url = new URL(value)
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    throw new TunnelError('OPEN_FAILED', `public URL must be http(s): ${value}`)
  return url.href.replace(/\/+$/, '')
}

function safely(fn: () => void): void {
  try {
    fn()
  } catch (error) {
    log.error('tunnel listener failed', { error: String(error) })
  }
}
