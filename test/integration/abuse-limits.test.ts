// Abuse limits of the public receiver: per-source and global token buckets answer 429 with
// Retry-After, a client trickling bytes is cut off by the request deadline, and connections
// beyond the cap are dropped while the others keep working.
import { rmSync } from 'node:fs'
import net from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import { type App, createApp } from '../../src/main/app'
import type { ReceiverLimits } from '../../src/main/receiver/limits'
import type { Platform } from '../../src/shared/events'
import { type Answer, post, send, uniqueDelivery } from '../helpers/load'
import { tempDataDir } from '../helpers/serve'

let app: App | null = null
let dataDir: string | null = null

afterEach(async () => {
  await app?.close()
  if (dataDir) rmSync(dataDir, { recursive: true, force: true })
  app = null
  dataDir = null
})

async function start(limits: Partial<ReceiverLimits>) {
  dataDir = tempDataDir()
  app = await createApp({ dataDir, receiverPort: 0, uiPort: null, limits })
  const make = (platform: Platform) => {
    const secret = `limits-${platform}-secret-0123`
    const { row } = app!.sources.create({ platform, name: `limits ${platform}`, secret })
    return { path: `/hooks/${row.webhook_key}`, secret }
  }
  return { app, kiwify: make('kiwify'), hotmart: make('hotmart') }
}

let n = 0
const deliver = (a: App, platform: 'kiwify' | 'hotmart', s: { path: string; secret: string }) =>
  post(a.receiverUrl, s.path, uniqueDelivery(platform, s.secret, `lim-${Date.now()}-${n++}`))

/** Raw socket: lets a test write a request slowly and see when the server hangs up. */
function openSocket(url: string): Promise<net.Socket> {
  const { hostname, port } = new URL(url)
  return new Promise((resolve, reject) => {
    const socket = net.connect(Number(port), hostname, () => resolve(socket))
    socket.once('error', reject)
  })
}

const closed = (socket: net.Socket) =>
  new Promise<{ at: number; data: string }>((resolve) => {
    let data = ''
    socket.on('data', (c: Buffer) => {
      data += c.toString()
    })
    socket.on('error', () => undefined)
    socket.once('close', () => resolve({ at: performance.now(), data }))
  })

describe('receiver abuse limits', () => {
  it('answers 429 with Retry-After past the per-source burst, and leaves other sources alone', async () => {
    const { app, kiwify, hotmart } = await start({ perSourceRatePerSec: 1, perSourceBurst: 5 })
    const answers: Answer[] = []
    for (let i = 0; i < 8; i++) answers.push(await deliver(app, 'kiwify', kiwify))
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 200, 200, 429, 429, 429])
    const limited = await send(`${app.receiverUrl}${kiwify.path}`, { headers: {}, body: '{}' })
    expect(limited.status).toBe(429)
    expect((await deliver(app, 'hotmart', hotmart)).status).toBe(200)
    const logged = app.db.sqlite
      .prepare("SELECT count(*) FROM deliveries WHERE outcome = 'rate_limited'")
      .pluck()
      .get()
    expect(logged).toBeGreaterThanOrEqual(3)
  })

  it('sends Retry-After in whole seconds and lets the sender in again after it', async () => {
    const { app, kiwify } = await start({ perSourceRatePerSec: 2, perSourceBurst: 1 })
    expect((await deliver(app, 'kiwify', kiwify)).status).toBe(200)
    const res = await fetch(`${app.receiverUrl}${kiwify.path}`, { method: 'POST', body: '{}' })
    expect(res.status).toBe(429)
    const retryAfter = Number(res.headers.get('retry-after'))
    expect(Number.isInteger(retryAfter) && retryAfter >= 1).toBe(true)
    await new Promise((r) => setTimeout(r, retryAfter * 1000))
    expect((await deliver(app, 'kiwify', kiwify)).status).toBe(200)
  })

  it('applies the global limit across sources', async () => {
    const { app, kiwify, hotmart } = await start({ globalRatePerSec: 1, globalBurst: 3 })
    const statuses = []
    for (let i = 0; i < 3; i++) statuses.push((await deliver(app, 'kiwify', kiwify)).status)
    statuses.push((await deliver(app, 'hotmart', hotmart)).status)
    expect(statuses).toEqual([200, 200, 200, 429])
  })

  it('cuts off a client that trickles its body past the request deadline', async () => {
    const { app, kiwify } = await start({ requestTimeoutMs: 1000, headersTimeoutMs: 800 })
    const socket = await openSocket(app.receiverUrl)
    const done = closed(socket)
    const started = performance.now()
    socket.write(
      `POST ${kiwify.path} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n`,
    )
    const trickle = setInterval(() => {
      if (!socket.destroyed) socket.write(' ')
    }, 100)
    const { at, data } = await done
    clearInterval(trickle)
    expect(at - started).toBeGreaterThanOrEqual(900)
    expect(at - started).toBeLessThan(4000)
    expect(data === '' || data.startsWith('HTTP/1.1 408')).toBe(true)
    // The receiver is still fine for everyone else.
    expect((await deliver(app, 'kiwify', kiwify)).status).toBe(200)
  })

  it('cuts off a client that never finishes its headers', async () => {
    const { app } = await start({ requestTimeoutMs: 1500, headersTimeoutMs: 700 })
    const socket = await openSocket(app.receiverUrl)
    const done = closed(socket)
    const started = performance.now()
    socket.write('POST /hooks/abcdefgh HTTP/1.1\r\nHost: 127.0.0.1\r\n')
    const trickle = setInterval(() => {
      if (!socket.destroyed) socket.write('X-Slow: 1\r\n')
    }, 100)
    const { at } = await done
    clearInterval(trickle)
    expect(at - started).toBeGreaterThanOrEqual(600)
    expect(at - started).toBeLessThan(4000)
  })

  it('drops connections beyond the cap and serves again once one closes', async () => {
    const { app, kiwify } = await start({ maxConnections: 3 })
    const held = await Promise.all([1, 2, 3].map(() => openSocket(app.receiverUrl)))
    // Wait until the server has accepted all three.
    await new Promise((r) => setTimeout(r, 100))
    const extra = await openSocket(app.receiverUrl)
    const extraClosed = closed(extra)
    extra.write('GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n')
    const { data } = await extraClosed
    expect(data).toBe('')
    for (const socket of held) socket.destroy()
    await new Promise((r) => setTimeout(r, 100))
    expect((await deliver(app, 'kiwify', kiwify)).status).toBe(200)
  })
})
