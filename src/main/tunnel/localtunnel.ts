// The localtunnel client, kept behind this one module (it pulls an old axios; swap it here).
// Quirks handled: the client never rejects (it retries the tunnel server every second,
// forever), so opening is bounded by a timeout and at most one such attempt is ever pending;
// a taken subdomain is silently replaced by a random one, so the URL is checked; an `error`
// from its socket pool means the link is broken.
import localtunnel from 'localtunnel'
import { type LinkOpener, TunnelError, type TunnelLink } from './types'

export interface LocaltunnelOptions {
  /** The tunnel server, e.g. https://localtunnel.me */
  host: string
  /** The receiver's port (the only port ever exposed). */
  port: number
  subdomain: string
  openTimeoutMs: number
}

export const DEFAULT_LOCALTUNNEL_HOST = 'https://localtunnel.me'

type Client = localtunnel.Tunnel

interface Pending {
  promise: Promise<Client>
  /** An error the client reported while nobody was holding it. */
  error: Error | null
}

export function localtunnelOpener(options: LocaltunnelOptions): LinkOpener {
  let pending: Pending | null = null
  let disposed = false

  const begin = (): Pending => {
    const entry: Pending = { promise: undefined as unknown as Promise<Client>, error: null }
    entry.promise = localtunnel({
      port: options.port,
      host: options.host,
      subdomain: options.subdomain,
      local_host: '127.0.0.1',
    }).then((client) => {
      // An EventEmitter without an `error` listener throws: keep one for the client's life.
      client.on('error', (error: Error) => {
        entry.error ??= error
      })
      if (disposed) client.close()
      return client
    })
    // Nobody may be awaiting it when it settles (timed out, disposed).
    entry.promise.catch(() => {})
    return entry
  }

  return {
    kind: 'localtunnel',
    recreatable: true,
    async open() {
      pending ??= begin()
      const entry = pending
      let client: Client
      try {
        client = await withTimeout(entry.promise, options.openTimeoutMs)
      } catch (error) {
        // A timed-out attempt stays pending (its client keeps retrying): the next open()
        // waits on it again instead of starting a second, never-ending retry loop.
        if (!(error instanceof TunnelError && error.code === 'OPEN_TIMEOUT')) pending = null
        throw error
      }
      pending = null
      if (entry.error) {
        client.close()
        throw new TunnelError('CLIENT_ERROR', `tunnel client error: ${entry.error.message}`)
      }
      const assigned = subdomainOf(client.url)
      if (assigned !== options.subdomain) {
        client.close()
        throw new TunnelError(
          'SUBDOMAIN_TAKEN',
          `subdomain taken: the tunnel server assigned ${assigned ?? client.url} instead`,
        )
      }
      return toLink(client)
    },
    dispose() {
      // A pending client is closed as soon as it arrives (see begin).
      disposed = true
      pending = null
    },
  }
}

function toLink(client: Client): TunnelLink {
  let fatal: ((error: Error) => void) | null = null
  let failed: Error | null = null
  client.on('error', (error: Error) => {
    if (failed) return
    failed = error
    fatal?.(error)
  })
  return {
    url: client.url,
    onFatal(listener) {
      fatal = listener
      if (failed) listener(failed)
    },
    close: () => client.close(),
  }
}

const subdomainOf = (url: string): string | null => {
  try {
    return new URL(url).hostname.split('.')[0] ?? null
  } catch {
    return null
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new TunnelError('OPEN_TIMEOUT', `tunnel server did not answer within ${ms} ms`)),
      ms,
    )
    promise.then(
      (value) => {
        clearTimeout(timer)
        resolve(value)
      },
      (error: unknown) => {
        clearTimeout(timer)
        reject(new TunnelError('OPEN_FAILED', String(error)))
      },
    )
  })
}
