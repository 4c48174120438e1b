import { mkdtempSync, readdirSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { deliveries } from './bodies.mjs'

const chunk = readdirSync('out/main/chunks').find((f) => f.startsWith('app-'))
const mod = await import(`../out/main/chunks/${chunk}`)
const createApp = mod.t
const dir = mkdtempSync(join(tmpdir(), 'bd-'))
const app = await createApp({ dataDir: dir, receiverPort: 0, uiPort: null })
if (process.argv[3] === 'nofts')
  for (const t of app.db.sqlite
    .prepare("select name from sqlite_master where type='trigger'")
    .pluck()
    .all())
    app.db.sqlite.exec(`drop trigger ${t}`)
const srcs = []
for (const platform of ['kiwify', 'hotmart', 'shopify', 'nuvemshop']) {
  const secret = `s-${platform}-0123456789`
  const { row, source } = app.sources.create({ platform, name: platform, secret })
  srcs.push({ platform, secret, path: `/hooks/${row.webhook_key}`, source })
}
const stats = new Map()
let compileT = 0
for (const m of ['run', 'first', 'all']) {
  const orig = app.db[m]
  app.db[m] = (q) => {
    const t0 = performance.now()
    const sql = q.compile().sql
    compileT += performance.now() - t0
    const t1 = performance.now()
    const r = orig(q)
    const dt = performance.now() - t1
    const s = stats.get(sql) ?? { n: 0, t: 0 }
    s.n++
    s.t += dt
    stats.set(sql, s)
    return r
  }
}
const next = deliveries(srcs, 'bd')
const bySrc = new Map(srcs.map((s) => [s.path, s.source]))
const N = Number(process.argv[2] ?? 3000)
const items = []
for (let i = 0; i < N; i++) {
  const d = next()
  const path = d.path.split('?')[0]
  items.push({
    source: app.sources.findByKey(path.slice(7)),
    raw: Buffer.from(d.body),
    headers: d.headers,
  })
}
const t0 = performance.now()
const c0 = process.cpuUsage()
for (let i = 0; i < N; i += 50) {
  await Promise.all(
    items.slice(i, i + 50).map((it) => app.ingest.accept({ ...it, receivedAt: Date.now() })),
  )
}
const total = performance.now() - t0
const cpu = process.cpuUsage(c0)
console.log(
  `cpu per request ${((cpu.user + cpu.system) / N).toFixed(0)} µs (user ${(cpu.user / N).toFixed(0)}, sys ${(cpu.system / N).toFixed(0)})`,
)
console.log(
  `per request ${((total / N) * 1000).toFixed(0)} µs total; kysely compile (extra, measured) ${((compileT / N) * 1000).toFixed(0)} µs`,
)
for (const [sql, s] of [...stats].sort((a, b) => b[1].t - a[1].t).slice(0, 25))
  console.log(`${((s.t / N) * 1000).toFixed(1).padStart(6)} µs/req  n=${s.n}  ${sql.slice(0, 150)}`)
await app.close()
