// The `recupera` command as a user runs it (the built CLI, a real data dir).
import { execFile } from 'node:child_process'
import { readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { promisify } from 'node:util'
import Database from 'better-sqlite3'
import { afterEach, describe, expect, it } from 'vitest'
import { signDelivery } from '../../src/main/platforms'
import { fixture, send } from '../helpers/app'
import { BIN, type Served, startServe, tempDataDir } from '../helpers/serve'

const run = promisify(execFile)
const recupera = async (...args: string[]) => (await run(process.execPath, [BIN, ...args])).stdout

type Listed = { id: string; [key: string]: unknown }

/** `recupera source add … --json` on a data dir, parsed. */
const addSource = async (dataDir: string, ...args: string[]) =>
  JSON.parse(await recupera('source', 'add', '--data-dir', dataDir, ...args, '--json'))

const listSources = async (dataDir: string): Promise<Listed[]> =>
  (await recupera('source', 'list', '--data-dir', dataDir, '--json'))
    .trim()
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as Listed)

let served: Served | null = null
afterEach(async () => {
  await served?.stop()
  served = null
})

describe('recupera source', () => {
  it('adds, lists and removes sources, printing JSON with the webhook path and URL', async () => {
    const dataDir = tempDataDir()
    const added = await addSource(dataDir, '--platform', 'kiwify', '--name', 'Minha Loja')
    expect(added).toMatchObject({
      platform: 'kiwify',
      name: 'Minha Loja',
      webhookPath: expect.stringMatching(/^\/hooks\/[\w-]{20,}$/),
    })
    expect(added.webhookUrl).toBe(`http://127.0.0.1:4010${added.webhookPath}`)
    expect(added.secret).toMatch(/^[\w-]{20,}$/)

    const nuvem = await addSource(
      dataDir,
      ...['--platform', 'nuvemshop', '--name', 'Nuvem', '--secret', 'client-secret-1'],
      ...[
        '--store-id',
        '123456',
        '--api-token',
        'tok-abc',
        '--api-base',
        'http://127.0.0.1:9/2025-03',
      ],
    )
    const shop = await addSource(
      dataDir,
      ...['--platform', 'shopify', '--name', 'Shop', '--secret', 'shpss_1'],
      ...['--shop-domain', 'minha-loja.myshopify.com', '--admin-token', 'shpat_secret_token'],
    )
    const withShop = await listSources(dataDir)
    expect(withShop.find((s) => s.id === shop.id)).toMatchObject({ hasCredentials: true })
    expect(JSON.stringify(withShop)).not.toContain('shpat_secret_token')
    await recupera('source', 'remove', '--data-dir', dataDir, shop.id)

    const listed = await listSources(dataDir)
    expect(listed.map((s) => s.id)).toEqual([added.id, nuvem.id])
    expect(listed[1]).toMatchObject({
      storeId: '123456',
      apiBase: 'http://127.0.0.1:9/2025-03',
      hasCredentials: true,
    })
    expect(JSON.stringify(listed)).not.toContain('client-secret-1')

    await recupera('source', 'remove', '--data-dir', dataDir, added.id)
    expect(await listSources(dataDir)).toHaveLength(1)
  })

  it('refuses a source without the secret its platform needs', async () => {
    await expect(addSource(tempDataDir(), '--platform', 'shopify', '--name', 'S')).rejects.toThrow(
      /needs its secret/,
    )
  })

  it('keeps secrets encrypted at rest, with the key file readable by its owner only', async () => {
    const dataDir = tempDataDir()
    await addSource(
      dataDir,
      '--platform',
      'hotmart',
      '--name',
      'H',
      '--secret',
      'hottok-very-secret-value',
    )
    expect(statSync(join(dataDir, 'secret.key')).mode & 0o777).toBe(0o600)
    const db = new Database(join(dataDir, 'recupera.db'), { readonly: true })
    const row = db.prepare('select secrets_enc from sources').get() as { secrets_enc: string }
    db.close()
    expect(row.secrets_enc).not.toContain('hottok-very-secret-value')
    const file = readFileSync(join(dataDir, 'recupera.db'))
    expect(file.includes('hottok-very-secret-value')).toBe(false)
  })
})

describe('recupera serve with the CLI', () => {
  it('picks up a source added by the CLI without a restart, and lists its events', async () => {
    served = await startServe()
    const dataDir = served.ready.dataDir
    const source = await addSource(dataDir, '--platform', 'kiwify', '--name', 'K')
    const body = fixture('kiwify-pix_created-1.json')
    const { query } = signDelivery('kiwify', body, source.secret)
    const answer = await send(served.ready.receiverUrl, `${source.webhookPath}?${query}`, {
      body,
      headers: { 'content-type': 'application/json' },
    })
    expect(answer.status).toBe(200)

    const lines = (await recupera('events', '--data-dir', dataDir, '--source', source.id, '--json'))
      .trim()
      .split('\n')
    expect(lines).toHaveLength(1)
    const event = JSON.parse(lines[0]!)
    expect(event).toMatchObject({
      sourceId: source.id,
      platform: 'kiwify',
      stage: 'pix_generated',
      totalMinor: 6772,
      currency: 'BRL',
      orderId: 'd233a1b5-aa46-4fc4-bae9-8058d2c85634',
      test: true,
      customer: { name: 'John Doe', email: 'johndoe@example.com' },
      payment: { method: 'pix', pixCode: expect.stringMatching(/^000201/) },
    })
    for (const key of ['id', 'checkoutUrl', 'contactId', 'conversationId', 'occurredAt', 'items'])
      expect(event).toHaveProperty(key)
  })
})

describe('recupera inspect', () => {
  it('prints the normalized event a body would produce, without storing it', async () => {
    const file = join(import.meta.dirname, '../fixtures/webhooks/shopify-orders_paid-1.json')
    const [line] = (
      await recupera('inspect', '--platform', 'shopify', '--topic', 'orders/paid', file, '--json')
    )
      .trim()
      .split('\n')
    expect(JSON.parse(line!)).toMatchObject({
      stage: 'purchase_approved',
      totalMinor: 262995,
      currency: 'USD',
    })
  })
})
