// When the tunnel's public URL changes, the app repoints the webhooks it registered on the
// platforms and flags the ones the owner pasted by hand: the real localtunnel client, a test
// tunnel server and a fake Kiwify API, all on 127.0.0.1.
import { afterEach, beforeAll, expect, it } from 'vitest'
import { type App, createApp } from '../../src/main/app'
import type { TunnelOptions } from '../../src/main/tunnel'
import { setQuiet } from '../../src/main/util/log'
import { KIWIFY_FAKE_CREDENTIALS, startFakeKiwify } from '../helpers/fake-kiwify'
import { startLocaltunnelServer } from '../helpers/localtunnel-server'
import { tempDataDir } from '../helpers/serve'

beforeAll(() => setQuiet(true))

const closing: { close(): Promise<void> }[] = []
afterEach(async () => {
  for (const item of closing.splice(0).reverse()) await item.close()
})

async function start(tunnel: TunnelOptions, dataDir: string): Promise<App> {
  const app = await createApp({ dataDir, receiverPort: 0, uiPort: null, tunnel })
  closing.push(app)
  return app
}

async function until<T>(read: () => T | null | undefined | false, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const value = read()
    if (value) return value
    if (Date.now() > deadline) throw new Error('condition not reached in time')
    await new Promise((r) => setTimeout(r, 50))
  }
}

it('repoints the Kiwify webhook and flags the Hotmart source when the public URL changes', async () => {
  const server = await startLocaltunnelServer()
  const kiwify = await startFakeKiwify()
  closing.push(server, kiwify)
  const dataDir = tempDataDir()
  const fast = {
    host: server.url,
    probeIntervalMs: 200,
    firstProbeWithinMs: 3000,
    backoff: { baseMs: 100, maxMs: 1000 },
  }

  const first = await start(
    { provider: 'localtunnel', subdomain: 'firstsubdomain0000000000', ...fast },
    dataDir,
  )
  const firstUrl = await until(() => first.tunnel.publicUrl())
  const { source: kiwi } = await first.handlers.createSource({
    platform: 'kiwify',
    name: 'Kiwify',
    apiBase: kiwify.url,
    ...KIWIFY_FAKE_CREDENTIALS,
  })
  const { source: hot } = await first.handlers.createSource({
    platform: 'hotmart',
    name: 'Hotmart',
    secret: 'hottok-1234',
  })
  await first.handlers.registerSource({ id: kiwi.id })
  await first.handlers.registerSource({ id: hot.id })
  const [hook] = [...kiwify.webhooks.values()]
  expect(hook!.url).toBe(`${firstUrl}${kiwi.webhookPath}`)
  await first.close()
  closing.splice(closing.indexOf(first), 1)

  // Same installation, new public address (the old subdomain was taken, or the provider moved).
  const moved = await start(
    { provider: 'localtunnel', subdomain: 'movedsubdomain0000000000', ...fast },
    dataDir,
  )
  const movedUrl = await until(() => moved.tunnel.publicUrl())
  expect(movedUrl).not.toBe(firstUrl)
  await until(() => [...kiwify.webhooks.values()][0]?.url === `${movedUrl}${kiwi.webhookPath}`)
  expect(kiwify.webhooks.size).toBe(1)
  await until(() => moved.sources.row(hot.id).registration_status === 'needs_manual_update')
  const sources = await moved.handlers.listSources(undefined)
  expect(sources.find((s) => s.id === kiwi.id)?.webhookUrl).toBe(`${movedUrl}${kiwi.webhookPath}`)
})
