// Crash safety: `recupera serve` killed with SIGKILL in the middle of a load keeps every
// delivery it acknowledged, exactly once, in a database that passes integrity_check; platform
// retries of everything afterwards create no duplicates.
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { afterEach, describe, expect, it } from 'vitest'
import { type Delivery, type EventPlatform, pool, post, uniqueDelivery } from '../helpers/load'
import { callApi, type Served, startServe, tempDataDir } from '../helpers/serve'

interface Created {
  source: { id: string; webhookPath: string }
}

const PLATFORMS: EventPlatform[] = ['kiwify', 'hotmart', 'shopify']
const TOTAL = 400

function readEvents(dataDir: string) {
  const db = new Database(join(dataDir, 'recupera.db'), { readonly: true, fileMustExist: true })
  try {
    const counts = new Map<string, number>()
    for (const key of db.prepare('SELECT dedup_key FROM events').pluck().all() as string[]) {
      counts.set(key, (counts.get(key) ?? 0) + 1)
    }
    const integrity = db.pragma('integrity_check', { simple: true })
    return { counts, integrity }
  } finally {
    db.close()
  }
}

let served: Served | null = null
afterEach(async () => {
  await served?.stop('SIGKILL')
  served = null
})

describe('crash safety', () => {
  it('keeps every acknowledged delivery exactly once across a kill -9, and retries add none', async () => {
    const dataDir = tempDataDir()
    served = await startServe([], dataDir)
    const paths = new Map<EventPlatform, string>()
    for (const platform of PLATFORMS) {
      const secret = `crash-${platform}-secret-123456`
      const { source } = await callApi<Created>(served, 'createSource', {
        platform,
        name: `crash ${platform}`,
        secret,
      })
      paths.set(platform, source.webhookPath)
    }
    const secretOf = (p: EventPlatform) => `crash-${p}-secret-123456`
    const deliveries: Delivery[] = Array.from({ length: TOTAL }, (_, i) => {
      const platform = PLATFORMS[i % PLATFORMS.length]!
      return uniqueDelivery(platform, secretOf(platform), `crash-${i}-${Date.now()}`)
    })

    // 8 concurrent senders; the server is killed once a third of the load is acknowledged.
    const first = served
    const acked: Delivery[] = []
    let failed = 0
    let killed = false
    await pool(deliveries, 8, async (d) => {
      const answer = await post(first.ready.receiverUrl, paths.get(d.platform as EventPlatform)!, d)
      if (answer.status >= 200 && answer.status < 300) acked.push(d)
      else failed++
      if (!killed && acked.length >= TOTAL / 3) {
        killed = true
        void first.stop('SIGKILL')
      }
    })
    await first.stop('SIGKILL')
    expect(killed).toBe(true)
    expect(acked.length).toBeGreaterThanOrEqual(TOTAL / 3)
    expect(failed).toBeGreaterThan(0)

    const afterCrash = readEvents(dataDir)
    expect(afterCrash.integrity).toBe('ok')
    const lost = acked.filter((d) => afterCrash.counts.get(d.key) !== 1)
    expect(lost.map((d) => d.key)).toEqual([])

    // Restart on the same data dir; the platforms retry everything.
    served = await startServe([], dataDir)
    const second = served
    const statuses: number[] = []
    await pool(deliveries, 8, async (d) => {
      const answer = await post(
        second.ready.receiverUrl,
        paths.get(d.platform as EventPlatform)!,
        d,
      )
      statuses.push(answer.status)
    })
    expect(statuses.filter((s) => s !== 200)).toEqual([])
    await second.stop('SIGTERM')
    served = null

    const afterRetry = readEvents(dataDir)
    expect(afterRetry.integrity).toBe('ok')
    expect(afterRetry.counts.size).toBe(TOTAL)
    expect([...afterRetry.counts.values()].every((n) => n === 1)).toBe(true)
    for (const d of deliveries) expect(afterRetry.counts.get(d.key)).toBe(1)
  }, 60_000)
})
