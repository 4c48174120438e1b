// Keeps one tunnel link alive: opens it, proves it from outside by probing the public URL,
// and when the link fails (client error, probes failing) closes it and opens another after an
// exponential backoff with jitter. The user's own URL is never "recreated": it is only probed
// and reported up or down.
import { EventEmitter } from 'node:events'
import type { TunnelStatus } from '../../shared/api'
import { type BackoffOptions, backoffDelay, defaultBackoff } from './backoff'
import type { Probe } from './probe'
import type { LinkOpener, TunnelLink, TunnelProvider } from './types'

export interface ProbingOptions {
  /** Between probes of a link that is up (~10 s: a zombie is found within 30 s). */
  probeIntervalMs: number
  /** Consecutive failed probes after which an up link counts as dead. */
  maxProbeFailures: number
  /** How long a new link may take to answer its first probe. */
  firstProbeWithinMs: number
  backoff: BackoffOptions
  probe: Probe
  random?: () => number
  now?: () => Date
}

export const defaultProbing = {
  probeIntervalMs: 10_000,
  maxProbeFailures: 2,
  firstProbeWithinMs: 15_000,
  backoff: defaultBackoff,
}

type Outcome = { kind: 'stopped' } | { kind: 'failed'; reason: string; wasUp: boolean }

export class ProbingProvider implements TunnelProvider {
  readonly kind: LinkOpener['kind']
  private readonly events = new EventEmitter()
  private current: TunnelStatus
  private running = false
  private loop: Promise<void> | null = null
  private wake: (() => void) | null = null
  private stopped: Promise<null> = Promise.resolve(null)
  private signalStop: () => void = () => {}
  private lastUpUrl: string | null = null

  constructor(
    private readonly opener: LinkOpener,
    private readonly options: ProbingOptions,
  ) {
    this.kind = opener.kind
    this.current = {
      provider: opener.kind,
      state: 'off',
      publicUrl: null,
      lastProbeAt: null,
      lastError: null,
      reconnects: 0,
    }
  }

  start(): void {
    if (this.running) return
    this.running = true
    this.stopped = new Promise((resolve) => {
      this.signalStop = () => resolve(null)
    })
    this.loop = this.run()
  }

  async stop(): Promise<void> {
    if (!this.running) return
    this.running = false
    this.signalStop()
    this.wake?.()
    await this.loop
    this.opener.dispose()
    this.update({ state: 'off', publicUrl: null })
  }

  status(): TunnelStatus {
    return { ...this.current }
  }

  onStatus(listener: (status: TunnelStatus) => void): () => void {
    this.events.on('status', listener)
    return () => this.events.off('status', listener)
  }

  onUrl(listener: (url: string, previous: string | null) => void): () => void {
    this.events.on('url', listener)
    return () => this.events.off('url', listener)
  }

  private async run(): Promise<void> {
    let attempt = 0
    for (let first = true; this.running; first = false) {
      if (!first) this.update({ reconnects: this.current.reconnects + 1 })
      this.update({ state: 'connecting' })
      let link: TunnelLink | null
      try {
        // An open can take long (the server is down): stopping must not wait for it.
        const opening = this.opener.open()
        opening.then(
          (late) => this.running || late.close(),
          () => {},
        )
        link = await Promise.race([opening, this.stopped])
      } catch (error) {
        if (!this.running) return
        this.update({ state: 'down', lastError: message(error) })
        await this.sleep(backoffDelay(attempt++, this.options.backoff, this.options.random))
        continue
      }
      if (!link || !this.running) return link?.close()
      this.update({ publicUrl: link.url })
      const outcome = await this.watch(link)
      link.close()
      if (outcome.kind === 'stopped') return
      if (outcome.wasUp) attempt = 0
      this.update({ state: 'down', lastError: outcome.reason })
      await this.sleep(backoffDelay(attempt++, this.options.backoff, this.options.random))
    }
  }

  /** Probes the link until it fails or the provider stops. */
  private watch(link: TunnelLink): Promise<Outcome> {
    const { probe, probeIntervalMs, maxProbeFailures, firstProbeWithinMs } = this.options
    const openedAt = Date.now()
    // Before the first answer a new link is probed often: its sockets are still connecting.
    const eagerMs = Math.min(probeIntervalMs, 500)
    return new Promise((resolve) => {
      let done = false
      let wasUp = false
      let failures = 0
      let timer: NodeJS.Timeout | undefined
      const finish = (outcome: Outcome) => {
        if (done) return
        done = true
        clearTimeout(timer)
        this.wake = null
        resolve(outcome)
      }
      this.wake = () => finish({ kind: 'stopped' })
      link.onFatal((error) => finish({ kind: 'failed', reason: message(error), wasUp }))
      const tick = async () => {
        const startedAt = Date.now()
        let failure: string | null = null
        try {
          await probe(link.url)
        } catch (error) {
          failure = `probe failed: ${message(error)}`
        }
        if (done) return
        this.current.lastProbeAt = (this.options.now?.() ?? new Date()).toISOString()
        if (failure === null) {
          failures = 0
          wasUp = true
          this.update({ state: 'up', lastError: null })
          this.emitUrl(link.url)
        } else if (wasUp || this.current.state === 'down') {
          failures += 1
          if (failures >= maxProbeFailures) {
            if (this.opener.recreatable) return finish({ kind: 'failed', reason: failure, wasUp })
            wasUp = false
            this.update({ state: 'down', lastError: failure })
          }
        } else if (Date.now() - openedAt >= firstProbeWithinMs) {
          if (this.opener.recreatable) return finish({ kind: 'failed', reason: failure, wasUp })
          this.update({ state: 'down', lastError: failure })
        }
        const every = wasUp || this.current.state === 'down' ? probeIntervalMs : eagerMs
        timer = setTimeout(tick, Math.max(0, startedAt + every - Date.now()))
      }
      void tick()
    })
  }

  private emitUrl(url: string): void {
    if (url === this.lastUpUrl) return
    const previous = this.lastUpUrl
    this.lastUpUrl = url
    this.events.emit('url', url, previous)
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms)
      function done() {
        clearTimeout(timer)
        resolve()
      }
      this.wake = done
    })
  }

  private update(patch: Partial<TunnelStatus>): void {
    const before = this.current
    this.current = { ...before, ...patch }
    const changed = (['state', 'publicUrl', 'lastError', 'reconnects'] as const).some(
      (key) => before[key] !== this.current[key],
    )
    if (changed) this.events.emit('status', this.status())
  }
}

const message = (error: unknown): string => (error instanceof Error ? error.message : String(error))
