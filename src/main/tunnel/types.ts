// The tunnel's seams. A `TunnelLink` is one connection to one tunnel service (one localtunnel
// client, a user's own URL); a `TunnelProvider` keeps a link alive (probing, reconnecting) and
// reports its status; the `TunnelManager` (manager.ts) picks the provider and tells the app.
import type { TunnelStatus } from '../../shared/api'

export type TunnelKind = TunnelStatus['provider']

/** One established connection exposing the receiver at `url`. */
export interface TunnelLink {
  readonly url: string
  /** Called at most once, when the underlying client failed and the link must be recreated. */
  onFatal(listener: (error: Error) => void): void
  close(): void
}

/** Makes links for one kind of tunnel. Rejects with a TunnelError when a link cannot be made. */
export interface LinkOpener {
  readonly kind: Exclude<TunnelKind, 'none'>
  /**
   * true: a public URL that stops answering means the link is dead (close it, open another).
   * false: nothing to recreate (the user's own URL): only report down until it answers again.
   */
  readonly recreatable: boolean
  open(): Promise<TunnelLink>
  /** Releases whatever is still pending (an unfinished open). */
  dispose(): void
}

export interface TunnelProvider {
  readonly kind: TunnelKind
  start(): void
  stop(): Promise<void>
  status(): TunnelStatus
  /** state, publicUrl, lastError or reconnects changed (not every probe). */
  onStatus(listener: (status: TunnelStatus) => void): () => void
  /** A link came up (verified by a probe) at a URL other than the previous one (or the first). */
  onUrl(listener: (url: string, previous: string | null) => void): () => void
}

export type TunnelErrorCode =
  | 'OPEN_TIMEOUT'
  | 'SUBDOMAIN_TAKEN'
  | 'CLIENT_ERROR'
  | 'UNREACHABLE'
  | 'OPEN_FAILED'

export class TunnelError extends Error {
  constructor(
    readonly code: TunnelErrorCode,
    message: string,
  ) {
    super(message)
    this.name = 'TunnelError'
  }
}

export const offStatus = (): TunnelStatus => ({
  provider: 'none',
  state: 'off',
  publicUrl: null,
  lastProbeAt: null,
  lastError: null,
  reconnects: 0,
})
