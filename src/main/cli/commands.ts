// `recupera source|events|inspect`: work on the data directory directly (no servers), through
// the same modules the API uses. Output is JSON lines with --json, a short table otherwise.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { PLATFORMS, type Platform } from '../../shared/events'
import { inputSchemas } from '../api/schemas'
import { toCommerceEvent } from '../conversations/views'
import { type Db, openDatabase } from '../db/connection'
import { defaultDataDir } from '../paths'
import { adapterFor } from '../platforms'
import { createSecretBox, keyFileStore } from '../secrets/secret-box'
import { Sources } from '../sources/sources'
import { isLive, readTunnelStatus } from '../tunnel/status-store'
import { systemClock } from '../util/time'
import { runSourceExtra } from './source-extra'

const out = (line: string) => process.stdout.write(`${line}\n`)

async function openCore(dataDir: string) {
  const db = await openDatabase(join(dataDir, 'recupera.db'))
  const sources = new Sources(db, createSecretBox(keyFileStore(dataDir)), systemClock)
  return { db, sources, close: () => db.close() }
}

/**
 * Webhook URLs printed by the CLI: the public one while a running `serve` has its tunnel up,
 * else the receiver's local address.
 */
function webhookBase(db: Db, port = 4010): string {
  const tunnel = readTunnelStatus(db)
  if (tunnel && isLive(tunnel) && tunnel.status.state === 'up' && tunnel.status.publicUrl) {
    return tunnel.status.publicUrl
  }
  return `http://127.0.0.1:${port}`
}

export async function runSourceCommand(args: string[]): Promise<number> {
  const [sub, ...rest] = args
  if (sub === 'register' || sub === 'test') return runSourceExtra(sub, rest)
  const { values, positionals } = parseArgs({
    args: rest,
    allowPositionals: true,
    options: {
      'data-dir': { type: 'string' },
      platform: { type: 'string' },
      name: { type: 'string' },
      secret: { type: 'string' },
      'store-id': { type: 'string' },
      'api-token': { type: 'string' },
      'api-base': { type: 'string' },
      'checkout-url': { type: 'string' },
      'client-id': { type: 'string' },
      'client-secret': { type: 'string' },
      'account-id': { type: 'string' },
      'shop-domain': { type: 'string' },
      'admin-token': { type: 'string' },
      'receiver-port': { type: 'string' },
      json: { type: 'boolean' },
    },
  })
  const core = await openCore(values['data-dir'] ?? defaultDataDir())
  const base = webhookBase(
    core.db,
    values['receiver-port'] ? Number(values['receiver-port']) : undefined,
  )
  try {
    if (sub === 'add') {
      const parsed = inputSchemas.createSource.safeParse({
        platform: values.platform,
        name: values.name,
        secret: values.secret,
        storeId: values['store-id'],
        apiToken: values['api-token'],
        apiBase: values['api-base'],
        checkoutUrl: values['checkout-url'],
        clientId: values['client-id'],
        clientSecret: values['client-secret'],
        accountId: values['account-id'],
        shopDomain: values['shop-domain'],
        adminToken: values['admin-token'],
      })
      if (!parsed.success) {
        process.stderr.write(
          `invalid source: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}\n`,
        )
        return 2
      }
      const { row, source } = core.sources.create(parsed.data)
      const view = core.sources.view(row, base)
      const result = {
        id: view.id,
        platform: view.platform,
        name: view.name,
        webhookPath: view.webhookPath,
        webhookUrl: view.webhookUrl,
        secret: source.secrets[0],
      }
      out(
        values.json
          ? JSON.stringify(result)
          : `${result.id}  ${result.platform}  ${result.webhookUrl}\nsecret: ${result.secret}`,
      )
      return 0
    }
    if (sub === 'list') {
      for (const row of core.sources.rows()) {
        const view = core.sources.view(row, base)
        out(
          values.json
            ? JSON.stringify(view)
            : `${view.id}  ${view.platform.padEnd(9)}  ${view.name}  ${view.webhookUrl}`,
        )
      }
      return 0
    }
    if (sub === 'remove') {
      const id = positionals[0]
      if (!id) {
        process.stderr.write('usage: recupera source remove ID\n')
        return 2
      }
      const removed = core.sources.remove(id)
      out(values.json ? JSON.stringify({ removed }) : removed ? `removed ${id}` : `no source ${id}`)
      return removed ? 0 : 1
    }
    process.stderr.write('usage: recupera source add|list|remove|register|test …\n')
    return 2
  } finally {
    await core.close()
  }
}

export async function runEventsCommand(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      'data-dir': { type: 'string' },
      source: { type: 'string' },
      limit: { type: 'string' },
      json: { type: 'boolean' },
    },
  })
  const core = await openCore(values['data-dir'] ?? defaultDataDir())
  try {
    let query = core.db.kysely
      .selectFrom('events')
      .selectAll()
      .orderBy('id', 'desc')
      .limit(Number(values.limit ?? 50))
    if (values.source) query = query.where('source_id', '=', values.source)
    for (const row of core.db.all(query)) {
      const e = toCommerceEvent(row)
      out(
        values.json
          ? JSON.stringify(e)
          : `${e.occurredAt}  ${e.platform.padEnd(9)}  ${e.stage.padEnd(18)}  ${e.totalMinor ?? '-'} ${e.currency ?? ''}  ${e.customer.name ?? e.customer.email ?? ''}`,
      )
    }
    return 0
  } finally {
    await core.close()
  }
}

export async function runInspectCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      platform: { type: 'string' },
      topic: { type: 'string' },
      'checkout-url': { type: 'string' },
      json: { type: 'boolean' },
    },
  })
  const platform = values.platform as Platform
  const file = positionals[0]
  if (!PLATFORMS.includes(platform) || !file) {
    process.stderr.write(
      'usage: recupera inspect --platform kiwify|hotmart|nuvemshop|shopify [--topic T] FILE [--json]\n',
    )
    return 2
  }
  const headers: Record<string, string> = values.topic ? { 'x-shopify-topic': values.topic } : {}
  const result = adapterFor(platform).normalize(readFileSync(file), headers, {
    sourceId: 'inspect',
    checkoutUrl: values['checkout-url'] ?? null,
    storeId: null,
  })
  if (result.kind === 'events') {
    for (const e of result.events) out(values.json ? JSON.stringify(e) : JSON.stringify(e, null, 2))
    return 0
  }
  out(JSON.stringify(result))
  return result.kind === 'malformed' ? 1 : 0
}
