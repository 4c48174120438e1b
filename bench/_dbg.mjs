import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { deliveries } from './bodies.mjs'
import { cannon } from './load.mjs'
import { createSources, startRecupera } from './processes.mjs'

const dir = mkdtempSync(join(tmpdir(), 'dbg-'))
const prof = process.argv[2] === 'prof'
const s = await startRecupera(
  dir,
  ['--rate-limit', 'off'],
  prof ? ['--cpu-prof', '--cpu-prof-dir=/tmp/prof'] : [],
)
const src = await createSources(s, 2)
const r = await cannon(s.url, deliveries(src, 'd1'), { connections: 50, duration: 5 })
const stat = (await import('node:fs'))
  .readFileSync(`/proc/${s.pid}/stat`, 'utf8')
  .split(') ')[1]
  .split(' ')
const cpuMs = (Number(stat[11]) + Number(stat[12])) * 10
console.log('serve cpu µs/req', Math.round((cpuMs * 1000) / r.total), 'total', r.total)
await s.stop('SIGTERM')
const db = new Database(join(dir, 'recupera.db'), { readonly: true })
console.log('req/s', r.reqPerS, r.statuses)
console.log(
  db
    .prepare(
      'select dedup_key, count(*) n, group_concat(platform) p, group_concat(event_type) t from events group by dedup_key having n > 1 limit 5',
    )
    .all(),
)
console.log(db.prepare('select outcome, count(*) n from deliveries group by outcome').all())
console.log(db.prepare('select kind, count(*) n, max(attempts) a from jobs group by kind').all())
