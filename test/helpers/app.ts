// Builds the real core in-process on a temporary data dir (real SQLite file, real HTTP on
// 127.0.0.1) and posts real signed deliveries to it.
import { readFileSync } from 'node:fs'
import { request } from 'node:http'
import { join } from 'node:path'
import { type App, type AppOptions, createApp } from '../../src/main/app'
import { type SignOptions, signDelivery } from '../../src/main/platforms'
import type { CreateSourceInput } from '../../src/shared/api'
import type { Platform } from '../../src/shared/events'
import { tempDataDir } from './serve'

export const FIXTURES = join(import.meta.dirname, '../fixtures/webhooks')

export function fixture(name: string): Buffer {
  return readFileSync(join(FIXTURES, name))
}

export async function testApp(options: Partial<AppOptions> = {}): Promise<App> {
  return createApp({
    dataDir: tempDataDir(),
    receiverPort: 0,
    uiPort: null,
    schedulerIntervalMs: 60_000,
    ...options,
  })
}

export interface TestSource {
  id: string
  platform: Platform
  secret: string
  path: string
}

export async function addSource(app: App, input: CreateSourceInput): Promise<TestSource> {
  const created = await app.handlers.createSource(input)
  return {
    id: created.source.id,
    platform: input.platform,
    secret: created.secret,
    path: created.source.webhookPath,
  }
}

export interface Answer {
  status: number
  headers: Record<string, string | string[] | undefined>
  body: string
}

/** A raw HTTP request: lets tests send what fetch() refuses to (forged headers, any method). */
export function send(
  baseUrl: string,
  path: string,
  options: {
    method?: string
    headers?: Record<string, string | string[]>
    body?: Buffer | string
  } = {},
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request(
      `${baseUrl}${path}`,
      { method: options.method ?? 'POST', headers: options.headers },
      (res) => {
        const chunks: Buffer[] = []
        res.on('data', (c: Buffer) => chunks.push(c))
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks).toString('utf8'),
          }),
        )
      },
    )
    req.on('error', reject)
    req.end(options.body)
  })
}

/** Signs a body the platform's way with the source's secret and POSTs it to the receiver. */
export function deliver(
  app: App,
  source: TestSource,
  body: Buffer,
  opts: SignOptions & { secret?: string } = {},
): Promise<Answer> {
  const { headers, query } = signDelivery(source.platform, body, opts.secret ?? source.secret, opts)
  const qs = query.toString()
  return send(app.receiverUrl, `${source.path}${qs ? `?${qs}` : ''}`, { headers, body })
}

export function countEvents(app: App, sourceId?: string): number {
  const q = app.db.kysely.selectFrom('events').select((eb) => eb.fn.countAll<number>().as('n'))
  return Number(app.db.first(sourceId ? q.where('source_id', '=', sourceId) : q)!.n)
}

export function lastDelivery(app: App, sourceId: string) {
  return app.db.first(
    app.db.kysely
      .selectFrom('deliveries')
      .selectAll()
      .where('source_id', '=', sourceId)
      .orderBy('id', 'desc')
      .limit(1),
  )!
}
