// The tunnel end to end: the real localtunnel client against a test localtunnel server on
// 127.0.0.1, exposing the real receiver of an app built by createApp.
import { readFileSync } from 'node:fs'
import { createServer, request, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { join, resolve } from 'node:path'
import { afterEach, beforeAll, describe, expect, it } from 'vitest'
import { getState } from '../../src/main/api/settings'
import { type App, createApp } from '../../src/main/app'
import { signDelivery } from '../../src/main/platforms/sign'
import type { TunnelOptions } from '../../src/main/tunnel'
import { requestUrl } from '../../src/main/tunnel/probe'
import { readTunnelStatus } from '../../src/main/tunnel/status-store'
import { setQuiet } from '../../src/main/util/log'
import type { TunnelStatus } from '../../src/shared/api'
import { type LocaltunnelServer, startLocaltunnelServer } from '../helpers/localtunnel-server'
import { tempDataDir } from '../helpers/serve'

const FIXTURES = resolve(import.meta.dirname, '../fixtures/webhooks')

/** Small intervals so every failure is seen within a second or two. */
const fast = {
  probeIntervalMs: 200,
  probeTimeoutMs: 1000,
  openTimeoutMs: 2000,
  firstProbeWithinMs: 3000,
  backoff: { baseMs: 100, maxMs: 1000 },
  heartbeatMs: 500,
} satisfies Partial<TunnelOptions>

beforeAll(() => setQuiet(true))

let apps: App[] = []
let servers: { close(): Promise<void> }[] = []
afterEach(async () => {
  for (const app of apps) await app.close()
  for (const server of servers) await server.close()
  apps = []
  servers = []
})

async function tunnelServer(): Promise<LocaltunnelServer> {
  const server = await startLocaltunnelServer()
  servers.push(server)
  return server
}

async function startApp(tunnel: TunnelOptions, dataDir = tempDataDir()): Promise<App> {
  const app = await createApp({ dataDir, receiverPort: 0, uiPort: null, tunnel })
  apps.push(app)
  return app
}

function waitForStatus(
  app: App,
  predicate: (status: TunnelStatus) => boolean,
  timeoutMs = 15_000,
): Promise<TunnelStatus> {
  return new Promise((resolvePromise, reject) => {
    const now = app.tunnel.status()
    if (predicate(now)) return resolvePromise(now)
    const timer = setTimeout(() => {
      off()
      reject(new Error(`tunnel status not reached: ${JSON.stringify(app.tunnel.status())}`))
    }, timeoutMs)
    const off = app.tunnel.onStatus((status) => {
      if (!predicate(status)) return
      clearTimeout(timer)
      off()
      resolvePromise(status)
    })
  })
}

const isUp = (status: TunnelStatus) => status.state === 'up'
const subdomainOf = (url: string) => new URL(url).hostname.split('.')[0]

describe('localtunnel provider', () => {
  it('carries a signed Hotmart webhook through the tunnel to the receiver, which stores it', async () => {
    const server = await tunnelServer()
    const app = await startApp({ provider: 'localtunnel', host: server.url, ...fast })
    const status = await waitForStatus(app, isUp)

    const subdomain = getState(app.db, 'tunnel.subdomain')!
    expect(subdomain).toMatch(/^[a-z0-9]{24,}$/)
    expect(status.publicUrl).toBe(`http://${subdomain}.localhost:${server.port}`)
    expect(app.info().publicUrl).toBe(status.publicUrl)
    const { source } = await app.handlers.createSource({
      platform: 'hotmart',
      name: 'Curso',
      secret: 'hottok-tunnel-test',
    })
    expect(source.webhookUrl.startsWith(`${status.publicUrl}/hooks/`)).toBe(true)

    const body = readFileSync(join(FIXTURES, 'hotmart-PURCHASE_APPROVED-1.json'))
    const { headers } = signDelivery('hotmart', body, 'hottok-tunnel-test')
    const answer = await requestUrl(source.webhookUrl, { method: 'POST', headers, body })
    expect(answer.status).toBe(200)
    const events = app.db.all(app.db.kysely.selectFrom('events').selectAll())
    expect(events).toHaveLength(1)
    expect(events[0]!.source_id).toBe(source.id)

    const forged = await requestUrl(source.webhookUrl, {
      method: 'POST',
      headers: { ...headers, 'x-hotmart-hottok': 'wrong' },
      body,
    })
    expect(forged.status).toBe(401)
  })

  it('recreates the tunnel with the same subdomain after the tunnel server restarts', async () => {
    const server = await tunnelServer()
    const app = await startApp({ provider: 'localtunnel', host: server.url, ...fast })
    const before = await waitForStatus(app, isUp)

    const killedAt = Date.now()
    await server.kill()
    const down = await waitForStatus(app, (s) => s.state === 'down')
    const detectedMs = Date.now() - killedAt
    await new Promise((r) => setTimeout(r, 1500))
    const restartedAt = Date.now()
    await server.restart()
    const after = await waitForStatus(app, isUp, 30_000)
    const recoveredMs = Date.now() - restartedAt

    expect(down.lastError).toBeTruthy()
    expect(after.publicUrl).toBe(before.publicUrl)
    expect(after.reconnects).toBeGreaterThan(before.reconnects)
    expect(detectedMs).toBeLessThan(30_000)
    expect(recoveredMs).toBeLessThan(30_000)
    const health = await requestUrl(`${after.publicUrl}/health`)
    expect(JSON.parse(health.body).service).toBe('recupera-receiver')
    console.info(
      `tunnel server restart: down after ${detectedMs} ms, up ${recoveredMs} ms after restart`,
    )
  })

  it('notices a client the server dropped silently (zombie) and reconnects', async () => {
    const server = await tunnelServer()
    const app = await startApp({ provider: 'localtunnel', host: server.url, ...fast })
    const before = await waitForStatus(app, isUp)
    const sub = subdomainOf(before.publicUrl!)!

    const droppedAt = Date.now()
    server.dropSilently(sub)
    await waitForStatus(app, (s) => s.state !== 'up')
    const detectedMs = Date.now() - droppedAt
    const after = await waitForStatus(app, isUp)
    expect(after.publicUrl).toBe(before.publicUrl)
    expect(detectedMs).toBeLessThan(30_000)
    console.info(
      `zombie: noticed after ${detectedMs} ms, back up after ${Date.now() - droppedAt} ms`,
    )
  })

  it('reports a taken subdomain instead of accepting a random URL, and gets it once freed', async () => {
    const server = await tunnelServer()
    server.hold('takenbysomeoneelse0000000')
    const app = await startApp({
      provider: 'localtunnel',
      host: server.url,
      subdomain: 'takenbysomeoneelse0000000',
      ...fast,
    })
    const refused = await waitForStatus(app, (s) => /subdomain taken/.test(s.lastError ?? ''))
    expect(refused.state).not.toBe('up')
    expect(app.info().publicUrl).toBeNull()
    expect(server.assigned.length).toBeGreaterThan(0)
    expect(server.assigned).not.toContain('takenbysomeoneelse0000000')

    server.release('takenbysomeoneelse0000000')
    const up = await waitForStatus(app, isUp)
    expect(subdomainOf(up.publicUrl!)).toBe('takenbysomeoneelse0000000')
    expect(up.lastError).toBeNull()
  })

  it('calls onUrlChange for a new public URL, not for the same URL after a restart', async () => {
    const server = await tunnelServer()
    const dataDir = tempDataDir()
    const options: TunnelOptions = { provider: 'localtunnel', host: server.url, ...fast }
    const calls: [string, string | null][] = []

    const first = await startApp(options, dataDir)
    first.tunnel.onUrlChange((url, old) => calls.push([url, old]))
    const firstUp = await waitForStatus(first, isUp)
    expect(calls).toEqual([[firstUp.publicUrl, null]])
    await first.close()
    apps = apps.filter((a) => a !== first)

    const again = await startApp(options, dataDir)
    again.tunnel.onUrlChange((url, old) => calls.push([url, old]))
    await waitForStatus(again, isUp)
    expect(calls).toHaveLength(1)
    await again.close()
    apps = apps.filter((a) => a !== again)

    const moved = await startApp({ ...options, subdomain: 'anothersubdomain00000000' }, dataDir)
    moved.tunnel.onUrlChange((url, old) => calls.push([url, old]))
    const movedUp = await waitForStatus(moved, isUp)
    expect(calls).toEqual([
      [firstUp.publicUrl, null],
      [movedUp.publicUrl, firstUp.publicUrl],
    ])
  })

  it('persists its status with a heartbeat for `recupera tunnel status`, and its stop', async () => {
    const server = await tunnelServer()
    const app = await startApp({ provider: 'localtunnel', host: server.url, ...fast })
    const up = await waitForStatus(app, isUp)
    await new Promise((r) => setTimeout(r, 700))
    const live = readTunnelStatus(app.db)!
    expect(live.status.state).toBe('up')
    expect(live.status.publicUrl).toBe(up.publicUrl)
    expect(live.status.lastProbeAt).not.toBeNull()
    expect(Date.now() - Date.parse(live.heartbeatAt)).toBeLessThan(1500)
    expect(live.stoppedAt).toBeNull()

    const { db } = app
    await app.tunnel.stop()
    const stopped = readTunnelStatus(db)!
    expect(stopped.stoppedAt).not.toBeNull()
    expect(stopped.status.state).toBe('off')
  })
})

/** A stand-in for the user's reverse proxy: forwards to the receiver once it is known. */
async function reverseProxy(): Promise<{
  url: string
  target: string
  close(): Promise<void>
  restart(): Promise<void>
}> {
  let port = 0
  let server: Server
  const proxy = {
    url: '',
    target: '',
    close: () =>
      new Promise<void>((done) => {
        server.closeAllConnections()
        server.close(() => done())
      }),
    restart: () => listen(),
  }
  const listen = () =>
    new Promise<void>((done) => {
      server = createServer((req, res) => {
        if (!proxy.target) return void res.writeHead(502).end()
        const upstream = request(
          `${proxy.target}${req.url}`,
          { method: req.method, headers: req.headers },
          (answer) => {
            res.writeHead(answer.statusCode ?? 502, answer.headers)
            answer.pipe(res)
          },
        )
        upstream.on('error', () => res.writeHead(502).end())
        req.pipe(upstream)
      })
      server.listen(port, '127.0.0.1', () => {
        port = (server.address() as AddressInfo).port
        proxy.url = `http://127.0.0.1:${port}`
        done()
      })
    })
  await listen()
  return proxy
}

describe('url provider (my own public URL)', () => {
  it('reports up and down by probing the URL it was given', async () => {
    const proxy = await reverseProxy()
    servers.push(proxy)
    const app = await startApp({ provider: 'url', publicUrl: `${proxy.url}/`, ...fast })
    const down = await waitForStatus(app, (s) => s.state === 'down')
    expect(down.provider).toBe('url')
    expect(down.lastError).toMatch(/502/)
    expect(app.info().publicUrl).toBeNull()

    proxy.target = app.receiverUrl
    const up = await waitForStatus(app, isUp)
    expect(up.publicUrl).toBe(proxy.url)
    expect(app.info().publicUrl).toBe(proxy.url)

    await proxy.close()
    await waitForStatus(app, (s) => s.state === 'down')
    expect(app.info().publicUrl).toBeNull()
    await proxy.restart()
    await waitForStatus(app, isUp)
    expect(app.tunnel.status().reconnects).toBe(0)
  })

  it('is off with provider none', async () => {
    const app = await startApp({ provider: 'none' })
    expect(app.info().tunnel.state).toBe('off')
    expect(app.info().publicUrl).toBeNull()
  })
})
