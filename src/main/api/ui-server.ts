// The headless transport: serves the built renderer and the API (POST /api/<method>, live
// events over server-sent events at GET /api/events) on 127.0.0.1 only. Every request needs
// the session token (a cookie set when the printed uiUrl is opened, or a header), and a Host
// header naming this machine, so another web page cannot reach it through DNS rebinding.
import { randomBytes, timingSafeEqual } from 'node:crypto'
import { existsSync, readFileSync, statSync } from 'node:fs'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { extname, join, normalize, resolve, sep } from 'node:path'
import type { EventBus } from '../util/events-bus'
import { type ApiHandlers, dispatch } from './handlers'

export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ')

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
}

const COOKIE = 'recupera_session'
const MAX_API_BODY = 256 * 1024

export interface UiServerOptions {
  handlers: ApiHandlers
  bus: EventBus
  rendererDir: string | null
  token?: string
}

export interface UiServer {
  server: Server
  token: string
  listen(port: number): Promise<{ url: string; port: number }>
  close(): Promise<void>
}

export function createUiServer(options: UiServerOptions): UiServer {
  const token = options.token ?? randomBytes(24).toString('base64url')
  let port = 0
  const server = createServer((req, res) => {
    handle(req, res, options, token, port).catch(() => {
      if (!res.headersSent) send(res, 500, { error: 'internal error' })
    })
  })
  return {
    server,
    token,
    listen: (wanted) =>
      new Promise((resolve, reject) => {
        server.once('error', reject)
        server.listen(wanted, '127.0.0.1', () => {
          port = (server.address() as AddressInfo).port
          resolve({ url: `http://127.0.0.1:${port}`, port })
        })
      }),
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve())
        server.closeAllConnections()
      }),
  }
}

function send(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  res.writeHead(status, {
    'content-type': 'application/json',
    'cache-control': 'no-store',
    ...headers,
  })
  res.end(JSON.stringify(body))
}

function sameSecret(a: string | undefined, b: string): boolean {
  if (!a) return false
  const x = Buffer.from(a)
  const y = Buffer.from(b)
  return x.length === y.length && timingSafeEqual(x, y)
}

function cookieToken(req: IncomingMessage): string | undefined {
  const header = req.headers.cookie ?? ''
  for (const part of header.split(';')) {
    const [name, ...value] = part.trim().split('=')
    if (name === COOKIE) return value.join('=')
  }
  return undefined
}

function hostAllowed(req: IncomingMessage, port: number): boolean {
  const host = req.headers.host
  return host === `127.0.0.1:${port}` || host === `localhost:${port}`
}

async function handle(
  req: IncomingMessage,
  res: ServerResponse,
  options: UiServerOptions,
  token: string,
  port: number,
): Promise<void> {
  if (!hostAllowed(req, port)) return send(res, 403, { error: 'forbidden host' })
  const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`)
  const bearer = req.headers.authorization?.replace(/^Bearer\s+/i, '')
  const queryToken = url.searchParams.get('token') ?? undefined
  const authorized =
    sameSecret(cookieToken(req), token) ||
    sameSecret(bearer, token) ||
    sameSecret(req.headers['x-recupera-token'] as string | undefined, token) ||
    sameSecret(queryToken, token)
  if (!authorized) return send(res, 401, { error: 'missing or invalid session token' })

  if (queryToken && req.method === 'GET' && !url.pathname.startsWith('/api/')) {
    // Trade the token in the address bar for a cookie, so it does not linger in history.
    res.writeHead(302, {
      location: url.pathname,
      'set-cookie': `${COOKIE}=${token}; HttpOnly; SameSite=Strict; Path=/`,
      'cache-control': 'no-store',
    })
    return void res.end()
  }
  if (url.pathname === '/api/events' && req.method === 'GET')
    return streamEvents(req, res, options.bus)
  if (url.pathname.startsWith('/api/'))
    return callApi(req, res, options.handlers, url.pathname.slice(5))
  return serveStatic(res, options.rendererDir, url.pathname)
}

async function callApi(
  req: IncomingMessage,
  res: ServerResponse,
  handlers: ApiHandlers,
  method: string,
): Promise<void> {
  if (req.method !== 'POST')
    return send(res, 405, { error: 'method not allowed' }, { allow: 'POST' })
  // JSON only: a cross-site form cannot send it without a CORS preflight we never answer.
  if (!req.headers['content-type']?.startsWith('application/json')) {
    return send(res, 415, { error: 'content-type must be application/json' })
  }
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of req) {
    size += (chunk as Buffer).length
    if (size > MAX_API_BODY) return send(res, 413, { error: 'body too large' })
    chunks.push(chunk as Buffer)
  }
  let body: { input?: unknown }
  try {
    body =
      size === 0 ? {} : (JSON.parse(Buffer.concat(chunks).toString('utf8')) as { input?: unknown })
  } catch {
    return send(res, 400, {
      ok: false,
      error: { code: 'INVALID_INPUT', message: 'body is not JSON' },
    })
  }
  send(res, 200, await dispatch(handlers, method, body?.input))
}

function streamEvents(req: IncomingMessage, res: ServerResponse, bus: EventBus): void {
  res.writeHead(200, {
    'content-type': 'text/event-stream',
    'cache-control': 'no-store',
    connection: 'keep-alive',
  })
  res.write(': connected\n\n')
  const unsubscribe = bus.subscribe((event) => res.write(`data: ${JSON.stringify(event)}\n\n`))
  const keepAlive = setInterval(() => res.write(': ping\n\n'), 15_000)
  req.on('close', () => {
    clearInterval(keepAlive)
    unsubscribe()
  })
}

function serveStatic(res: ServerResponse, dir: string | null, pathname: string): void {
  const rendererDir = dir ? resolve(dir) : null
  if (!rendererDir || !existsSync(join(rendererDir, 'index.html'))) {
    send(res, 503, { error: 'renderer not built: run `npm run build`' })
    return
  }
  const safe = normalize(decodeURIComponent(pathname)).replace(/^([/\\])+/, '')
  let file = join(rendererDir, safe)
  if (!file.startsWith(rendererDir + sep) || !existsSync(file) || statSync(file).isDirectory()) {
    file = join(rendererDir, 'index.html')
  }
  const type = TYPES[extname(file)] ?? 'application/octet-stream'
  const headers: Record<string, string> = {
    'content-type': type,
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    'cache-control': type.startsWith('text/html') ? 'no-store' : 'max-age=3600',
  }
  if (type.startsWith('text/html')) headers['content-security-policy'] = CONTENT_SECURITY_POLICY
  res.writeHead(200, headers)
  res.end(readFileSync(file))
}
