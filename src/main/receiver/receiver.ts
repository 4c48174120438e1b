// The webhook receiver: its own HTTP server, the only one a tunnel ever exposes. Routes:
// POST /hooks/<key> and GET /health, nothing else. Every answer is decided here; 2xx for a
// delivery is sent only after its rows are committed (see ingest/group-commit.ts).
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { Db } from '../db/connection'
import { type DeliveryOutcome, logDelivery } from '../ingest/delivery-log'
import type { GroupCommitter } from '../ingest/group-commit'
import type { Ingest, IngestOutcome } from '../ingest/ingest'
import { adapterFor } from '../platforms'
import type { Source, Sources } from '../sources/sources'
import { createLogger } from '../util/log'
import type { Clock } from '../util/time'
import { defaultLimits, RateLimiter, type ReceiverLimits } from './limits'

export interface ReceiverDeps {
  db: Db
  sources: Sources
  ingest: Ingest
  committer: GroupCommitter
  clock: Clock
  limits?: Partial<ReceiverLimits>
  /** Called after the answer is sent (live UI, follow-ups, …). */
  onIngested?: (source: Source, outcome: IngestOutcome) => void
  onRefused?: (sourceId: string, deliveryRowId: number) => void
}

export interface Receiver {
  server: Server
  listen(port: number, host?: string): Promise<string>
  close(): Promise<void>
}

const log = createLogger('receiver')

export function createReceiver(deps: ReceiverDeps): Receiver {
  const limits = { ...defaultLimits, ...deps.limits }
  const limiter = new RateLimiter(limits, deps.clock())
  // Node checks requestTimeout/headersTimeout only every connectionsCheckingInterval (30 s by
  // default), which would let a trickling client hold a connection for twice the deadline.
  const checkEvery = Math.max(50, Math.min(1000, limits.headersTimeoutMs / 4))
  const server = createServer({ connectionsCheckingInterval: checkEvery }, (req, res) => {
    handle(req, res, deps, limits, limiter).catch((error: unknown) => {
      log.error('unhandled receiver error', { error: String(error) })
      if (!res.headersSent) reply(res, 500, { error: 'internal error' })
    })
  })
  server.requestTimeout = limits.requestTimeoutMs
  server.headersTimeout = limits.headersTimeoutMs
  server.maxConnections = limits.maxConnections
  server.keepAliveTimeout = 5000
  return {
    server,
    listen: (port, host = '127.0.0.1') =>
      new Promise((resolve, reject) => {
        server.once('error', reject)
        server.listen(port, host, () => {
          const { port: bound } = server.address() as AddressInfo
          resolve(`http://${host}:${bound}`)
        })
      }),
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve())
        server.closeAllConnections()
      }),
  }
}

function reply(
  res: ServerResponse,
  status: number,
  body: object,
  headers: Record<string, string> = {},
): void {
  const text = JSON.stringify(body)
  res.writeHead(status, {
    'content-type': 'application/json',
    'cache-control': 'no-store',
    ...headers,
  })
  res.end(text)
}

async function handle(
  req: IncomingMessage,
  res: ServerResponse,
  deps: ReceiverDeps,
  limits: ReceiverLimits,
  limiter: RateLimiter,
): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://receiver')
  if (url.pathname === '/health') {
    if (req.method !== 'GET' && req.method !== 'HEAD')
      return reply(res, 405, { error: 'method not allowed' }, { allow: 'GET' })
    return reply(res, 200, { ok: true, service: 'recupera-receiver' })
  }
  const match = /^\/hooks\/([A-Za-z0-9_-]{8,64})\/?$/.exec(url.pathname)
  if (!match) return refuseEarly(req, res, 404, 'not found')
  if (req.method !== 'POST')
    return refuseEarly(req, res, 405, 'method not allowed', { allow: 'POST' })
  const source = deps.sources.findByKey(match[1]!)
  if (!source) return refuseEarly(req, res, 404, 'unknown webhook key')

  const receivedAt = deps.clock()
  const record = (outcome: DeliveryOutcome, status: number, reason: string, bodySize: number) =>
    deps.committer
      .submit(() =>
        logDelivery(deps.db, {
          sourceId: source.id,
          receivedAt,
          eventType: null,
          verified: false,
          reason,
          outcome,
          httpStatus: status,
          dedupKey: null,
          deliveryId: null,
          body: null,
          bodySize,
        }),
      )
      .then((id) => deps.onRefused?.(source.id, id))
      .catch(() => undefined)

  if (!source.enabled) {
    void record('disabled', 410, 'source is disabled', 0)
    return refuseEarly(req, res, 410, 'source is disabled')
  }
  const retryAfter = limiter.check(source.id, receivedAt)
  if (retryAfter > 0) {
    void record('rate_limited', 429, 'rate limit exceeded', 0)
    return refuseEarly(req, res, 429, 'rate limit exceeded', { 'retry-after': String(retryAfter) })
  }
  const declared = Number(req.headers['content-length'] ?? 0)
  if (declared > limits.maxBodyBytes) {
    void record(
      'too_large',
      413,
      `body of ${declared} bytes exceeds ${limits.maxBodyBytes}`,
      declared,
    )
    return refuseEarly(req, res, 413, 'body too large')
  }
  const raw = await readBody(req, limits.maxBodyBytes)
  if (raw === 'too_large') {
    void record('too_large', 413, `body exceeds ${limits.maxBodyBytes} bytes`, limits.maxBodyBytes)
    return refuseEarly(req, res, 413, 'body too large')
  }
  if (raw === 'aborted') return

  const verdict = adapterFor(source.platform).verify({
    raw,
    headers: req.headers,
    query: url.searchParams,
    secrets: source.secrets,
  })
  if (!verdict.ok) {
    await record('refused', 401, verdict.reason, raw.length)
    return reply(res, 401, { error: 'invalid signature', reason: verdict.reason })
  }
  const outcome = await deps.ingest.accept({ source, raw, headers: req.headers, receivedAt })
  if (outcome.httpStatus >= 400) {
    reply(res, outcome.httpStatus, { error: outcome.outcome, reason: outcome.reason })
  } else {
    reply(res, outcome.httpStatus, {
      ok: true,
      outcome: outcome.outcome,
      events: outcome.stored.length,
    })
  }
  deps.onIngested?.(source, outcome)
}

/** Answers without reading the body, then closes the connection so it is not drained. */
function refuseEarly(
  req: IncomingMessage,
  res: ServerResponse,
  status: number,
  error: string,
  headers: Record<string, string> = {},
): void {
  const hasBody =
    req.headers['content-length'] !== undefined || req.headers['transfer-encoding'] !== undefined
  reply(res, status, { error }, hasBody ? { ...headers, connection: 'close' } : headers)
  if (hasBody) req.resume()
}

function readBody(req: IncomingMessage, max: number): Promise<Buffer | 'too_large' | 'aborted'> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = []
    let size = 0
    let done = false
    const finish = (value: Buffer | 'too_large' | 'aborted') => {
      if (done) return
      done = true
      resolve(value)
    }
    req.on('data', (chunk: Buffer) => {
      size += chunk.length
      if (size > max) {
        req.removeAllListeners('data')
        req.resume()
        finish('too_large')
        return
      }
      chunks.push(chunk)
    })
    req.on('end', () => finish(Buffer.concat(chunks, size)))
    req.on('aborted', () => finish('aborted'))
    req.on('error', () => finish('aborted'))
  })
}
